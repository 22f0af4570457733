package org.lawline.conversation;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mainland China mobile number (11 digits, {@code 1[3-9]} and nine more), as the 12348 hotline
 * calls it back. {@link #toString()} is masked like {@code 138****5678}, so a number can sit in a
 * log line or an event's description without leaking; {@link #digits()} is the number itself.
 */
public record MobileNumber(String digits) {

    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");

    public MobileNumber {
        Objects.requireNonNull(digits, "digits");
        if (!MAINLAND_MOBILE.matcher(digits).matches()) {
            // the value itself stays out of the message: it may be someone's phone number
            throw new IllegalArgumentException("Not a mainland mobile number (" + digits.length() + " characters)");
        }
    }

    /**
     * The number in what a citizen typed, if it is one: spaces, dashes, full-width digits and a
     * leading +86 / 86 are allowed ("138 0013 8000", "+86-13800138000", "１３８００１３８０００").
     */
    public static Optional<MobileNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder(16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９') {
                c = (char) (c - '０' + '0');
            }
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.isEmpty()) {
                continue;
            } else if (c != ' ' && c != '-' && c != '　' && c != '\t') {
                return Optional.empty();
            }
            if (digits.length() > 13) {
                return Optional.empty();
            }
        }
        String number = digits.length() == 13 && digits.indexOf("86") == 0 ? digits.substring(2) : digits.toString();
        return MAINLAND_MOBILE.matcher(number).matches() ? Optional.of(new MobileNumber(number)) : Optional.empty();
    }

    /**
     * Mobile numbers anywhere in a text, as {@link #parse} reads them (spaces, dashes, full-width
     * digits, a leading +86), with a digit just before or after ruling a match out: a longer digit
     * run (an order number) is not a phone number.
     */
    private static final Pattern WITHIN_TEXT = Pattern.compile(
            "(?<![0-9０-９])(?:[+＋]?(?:86|８６)[ \\-　]?)?[1１][3-9３-９](?:[ \\-　]?[0-9０-９]){9}(?![0-9０-９])");

    /**
     * {@code text} with every mobile number in it masked like {@code 138****5678}: what a
     * transcript keeps of a number a citizen typed (the callback keeps the number itself in its
     * own record).
     */
    public static String maskWithin(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher found = WITHIN_TEXT.matcher(text);
        if (!found.find()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        do {
            found.appendReplacement(masked, Matcher.quoteReplacement(maskedDigits(found.group())));
        } while (found.find());
        found.appendTail(masked);
        return masked.toString();
    }

    private static String maskedDigits(String match) {
        StringBuilder digits = new StringBuilder(13);
        match.codePoints().filter(c -> (c >= '0' && c <= '9') || (c >= '０' && c <= '９'))
                .forEach(c -> digits.append((char) (c >= '０' ? c - '０' + '0' : c)));
        String number = digits.length() == 13 ? digits.substring(2) : digits.toString();
        return number.substring(0, 3) + "****" + number.substring(7);
    }

    /** The number as read back to the citizen: {@code 138****5678}. */
    public String masked() {
        return digits.substring(0, 3) + "****" + digits.substring(7);
    }

    @Override
    public String toString() {
        return masked();
    }
}
