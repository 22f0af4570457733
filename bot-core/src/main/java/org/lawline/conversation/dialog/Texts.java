package org.lawline.conversation.dialog;

import java.text.Normalizer;
import java.util.Locale;

/** How the router reads a citizen's text, whatever keyboard or input method produced it. */
final class Texts {

    private Texts() {
    }

    /**
     * The text with full-width forms folded (１ → 1, Ａ → a), lower-cased, and everything but
     * letters and digits removed: spaces, punctuation and emoji carry no meaning for routing, and
     * citizens type "人工。", "人 工" and "人工！！" alike.
     */
    static String compact(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints()
                .filter(Character::isLetterOrDigit)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** True when the text has no letter at all (Chinese characters count as letters): only emoji, digits or punctuation. */
    static boolean wordless(String text) {
        return text.codePoints().noneMatch(Character::isLetter);
    }
}
