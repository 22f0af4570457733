package org.lawline.knowledge;

/**
 * The default lines over {@link FaqMatch#confidence()} that the dialog answers by (bot-core's
 * {@code DialogSettings} takes its defaults from here, and the environment may move them). They
 * live beside the confidence, not in the dialog, so that this module's own search tests hold the
 * search to the very line a citizen meets: this module cannot see the dialog. Calibrated on the
 * team's own FAQ phrasings ({@code eval/faq_phrasings_tune.jsonl}); the figures are in
 * docs/evaluation.md.
 */
public final class FaqConfidence {

    /** From this confidence on, a match with no close runner-up is given as the answer. */
    public static final String ANSWER = "0.6";
    /**
     * Below this confidence a match is not even offered as a choice. Unrelated text whose words
     * happen to cover an entry (你叫什么名字 → an entry about names, 0.34) stays below it, and
     * no phrasing of the tuning set changed verdict anywhere between 0.3 and 0.45.
     */
    public static final String CHOICE = "0.35";

    private FaqConfidence() {
    }

    /** {@link #ANSWER} as a number. */
    public static double answer() {
        return Double.parseDouble(ANSWER);
    }

    /** {@link #CHOICE} as a number. */
    public static double choice() {
        return Double.parseDouble(CHOICE);
    }
}
