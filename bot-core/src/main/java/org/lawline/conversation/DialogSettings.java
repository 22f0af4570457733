package org.lawline.conversation;

import java.time.Duration;
import java.util.Objects;
import org.lawline.knowledge.FaqConfidence;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the bot answers, offers choices or admits it does not know. Confidences are the knowledge
 * base's {@code FaqMatch.confidence}, from 0 to 1. The two confidence defaults come from
 * {@link FaqConfidence}; with the close ratio and the confidence gap they were calibrated on the
 * team's own FAQ phrasings (eval/faq_phrasings_tune.jsonl, for as many direct answers as keep
 * their precision at 0.95 or more) and are reported on a held-out set by
 * {@code ./lawline eval --corpus faq} (docs/evaluation.md).
 *
 * @param answerConfidence   the best match is answered outright from this confidence on, if no
 *                           other match is close to it
 * @param choiceConfidence   the least confidence for a match to be offered at all; below it for
 *                           the best match, the bot says it has no answer
 * @param closeRatio         a runner-up whose score is at least this share of the best score is
 *                           "close": the citizen is asked to choose
 * @param confidenceGap      a runner-up this much less confident than the best match is not close,
 *                           whatever its score
 * @param maxChoices         how many numbered choices to offer at most (2–9: a pick is one digit)
 * @param maxQuestionLength  how many characters of a message go to the search; the rest of a very
 *                           long message is noise for ranking and costly for the index
 * @param choicesExpireAfter how long offered choices can still be picked by number
 * @param idleTimeout        a conversation without activity for this long returns to the bot
 *                           (choices, pre-check and queue are dropped) — unless a duty lawyer holds it
 * @param expectedWait       how long a citizen usually waits for a duty lawyer, as told while queued;
 *                           handoff's pickup timeout (3 minutes by default) bounds it
 * @param callbackWithin     when the 12348 hotline usually calls back, as told when a callback is set
 * @param lawCloseness       when no entry is confident, a law article this close in meaning to the
 *                           question (cosine) is shown instead of "no answer". Calibrated on
 *                           statute_dev by five-fold cross-validation for three in four shown pairs
 *                           of articles to hold a right one: the folds chose 0.715 to 0.745, and on
 *                           the held folds 50 % of questions passed, with precision@2 0.75 (0.7 would
 *                           pass 63 % at 0.72; 0.78 pass 28 % at 0.89)
 */
@ConfigurationProperties("lawline.dialog")
public record DialogSettings(
        @DefaultValue(FaqConfidence.ANSWER) double answerConfidence,
        @DefaultValue(FaqConfidence.CHOICE) double choiceConfidence,
        @DefaultValue("0.9") double closeRatio,
        @DefaultValue("0.05") double confidenceGap,
        @DefaultValue("3") int maxChoices,
        @DefaultValue("500") int maxQuestionLength,
        @DefaultValue("30m") Duration choicesExpireAfter,
        @DefaultValue("30m") Duration idleTimeout,
        @DefaultValue("3m") Duration expectedWait,
        @DefaultValue("2h") Duration callbackWithin,
        @DefaultValue("0.73") double lawCloseness) {

    @ConstructorBinding
    public DialogSettings {
        Objects.requireNonNull(choicesExpireAfter, "lawline.dialog.choices-expire-after");
        Objects.requireNonNull(idleTimeout, "lawline.dialog.idle-timeout");
        Objects.requireNonNull(expectedWait, "lawline.dialog.expected-wait");
        Objects.requireNonNull(callbackWithin, "lawline.dialog.callback-within");
        requirePositive(idleTimeout, "lawline.dialog.idle-timeout");
        requirePositive(expectedWait, "lawline.dialog.expected-wait");
        requirePositive(callbackWithin, "lawline.dialog.callback-within");
        if (!(lawCloseness > 0 && lawCloseness <= 1)) {
            throw new IllegalArgumentException("lawline.dialog.law-closeness must be in (0, 1], got " + lawCloseness);
        }
        if (!(choiceConfidence >= 0 && choiceConfidence <= answerConfidence && answerConfidence <= 1)) {
            throw new IllegalArgumentException("lawline.dialog needs 0 <= choice-confidence <= answer-confidence <= 1, got "
                    + choiceConfidence + " and " + answerConfidence);
        }
        if (!(closeRatio > 0 && closeRatio <= 1)) {
            throw new IllegalArgumentException("lawline.dialog.close-ratio must be in (0, 1], got " + closeRatio);
        }
        if (!(confidenceGap >= 0 && confidenceGap <= 1)) {
            throw new IllegalArgumentException("lawline.dialog.confidence-gap must be in [0, 1], got " + confidenceGap);
        }
        if (maxChoices < 2 || maxChoices > 9) {
            throw new IllegalArgumentException("lawline.dialog.max-choices must be 2 to 9 (picked by one digit), got " + maxChoices);
        }
        if (maxQuestionLength < 1) {
            throw new IllegalArgumentException("lawline.dialog.max-question-length must be positive, got " + maxQuestionLength);
        }
        if (choicesExpireAfter.isNegative() || choicesExpireAfter.isZero()) {
            throw new IllegalArgumentException("lawline.dialog.choices-expire-after must be positive, got " + choicesExpireAfter);
        }
    }

    /** The thresholds, with the default idle timeout, expected wait and callback time. */
    public DialogSettings(double answerConfidence, double choiceConfidence, double closeRatio, double confidenceGap,
                          int maxChoices, int maxQuestionLength, Duration choicesExpireAfter) {
        this(answerConfidence, choiceConfidence, closeRatio, confidenceGap, maxChoices, maxQuestionLength, choicesExpireAfter,
                Duration.ofMinutes(30), Duration.ofMinutes(3), Duration.ofHours(2), 0.73);
    }

    /** The defaults, as bound from an empty environment. */
    public static DialogSettings defaults() {
        return new DialogSettings(FaqConfidence.answer(), FaqConfidence.choice(), 0.9, 0.05, 3, 500, Duration.ofMinutes(30));
    }

    /** The same settings with another idle timeout. */
    public DialogSettings withIdleTimeout(Duration timeout) {
        return new DialogSettings(answerConfidence, choiceConfidence, closeRatio, confidenceGap, maxChoices, maxQuestionLength,
                choicesExpireAfter, timeout, expectedWait, callbackWithin, lawCloseness);
    }

    private static void requirePositive(Duration duration, String property) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(property + " must be positive, got " + duration);
        }
    }
}
