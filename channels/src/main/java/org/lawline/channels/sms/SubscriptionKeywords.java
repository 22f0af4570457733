package org.lawline.channels.sms;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The words by which an SMS citizen stops or resumes publicity. Only a message that is nothing
 * but the word counts: "T" inside a question is a letter, not a request.
 */
enum SubscriptionKeywords {
    UNSUBSCRIBE,
    RESUBSCRIBE;

    /** TD, T, R and 退订 are what the carriers' rules and most senders' hints use. */
    private static final Set<String> STOP = Set.of("TD", "T", "R", "退订");
    private static final Set<String> RESUME = Set.of("订阅", "恢复", "恢复订阅");
    /** Punctuation and spaces a citizen adds around the word. */
    private static final String AROUND = " \t\r\n　。．.!！?？,，";

    static Optional<SubscriptionKeywords> of(String text) {
        String word = strip(text).toUpperCase(Locale.ROOT);
        if (STOP.contains(word)) {
            return Optional.of(UNSUBSCRIBE);
        }
        if (RESUME.contains(word)) {
            return Optional.of(RESUBSCRIBE);
        }
        return Optional.empty();
    }

    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && AROUND.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && AROUND.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end);
    }
}
