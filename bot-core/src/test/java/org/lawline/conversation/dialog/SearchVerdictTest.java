package org.lawline.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.DialogSettings;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqMatch;

/** Answer, choices or no answer, with the dialog's default thresholds, whatever their values. */
class SearchVerdictTest {

    private final DialogSettings settings = DialogSettings.defaults();
    private final double answer = settings.answerConfidence();
    private final double offer = settings.choiceConfidence();
    private final double closeRatio = settings.closeRatio();
    private final double gap = settings.confidenceGap();

    @Test
    void nothingFoundIsAMiss() {
        assertThat(SearchVerdict.of(List.of(), settings)).isInstanceOf(SearchVerdict.Miss.class);
    }

    @Test
    void aBestMatchBelowTheOfferingConfidenceIsAMiss() {
        assertThat(SearchVerdict.of(List.of(match("a", 9, offer - 0.01), match("b", 8, offer - 0.1)), settings))
                .isInstanceOf(SearchVerdict.Miss.class);
    }

    @Test
    void aConfidentMatchAloneIsAnswered() {
        assertThat(SearchVerdict.of(List.of(match("a", 9, answer)), settings)).isInstanceOf(SearchVerdict.Clear.class);
    }

    @Test
    void aConfidentMatchFarAheadByScoreIsAnswered() {
        SearchVerdict verdict = SearchVerdict.of(List.of(match("a", 10, 0.8), match("b", 10 * closeRatio - 0.1, 0.8 - gap / 2)), settings);

        assertThat(verdict).isInstanceOfSatisfying(SearchVerdict.Clear.class, clear ->
                assertThat(clear.match().entry().id()).isEqualTo("a"));
    }

    @Test
    void aConfidentMatchFarAheadByConfidenceIsAnsweredEvenIfScoresAreClose() {
        assertThat(SearchVerdict.of(List.of(match("a", 10, 0.9), match("b", 9.9, 0.9 - gap - 0.01)), settings))
                .isInstanceOf(SearchVerdict.Clear.class);
    }

    @Test
    void aRunnerUpTooWeakToOfferDoesNotMakeItClose() {
        assertThat(SearchVerdict.of(List.of(match("a", 10, answer + 0.05), match("b", 9.9, offer - 0.01)), settings))
                .isInstanceOf(SearchVerdict.Clear.class);
    }

    @Test
    void closeMatchesAreOfferedBestFirst_atMostMaxChoices() {
        SearchVerdict verdict = SearchVerdict.of(List.of(
                match("a", 10, 0.8), match("b", 9.95, 0.8 - gap / 2), match("c", 9.9, 0.8 - gap / 2), match("d", 9.85, 0.8 - gap / 2)),
                settings);

        assertThat(verdict).isInstanceOfSatisfying(SearchVerdict.Close.class, close ->
                assertThat(close.matches()).extracting(m -> m.entry().id()).containsExactly("a", "b", "c"));
    }

    @Test
    void weakMatchesAreLeftOutOfTheChoices() {
        SearchVerdict verdict = SearchVerdict.of(List.of(match("a", 10, 0.8), match("b", 9.95, 0.8 - gap / 2),
                match("c", 9.9, offer - 0.1)), settings);

        assertThat(verdict).isInstanceOfSatisfying(SearchVerdict.Close.class, close ->
                assertThat(close.matches()).hasSize(2));
    }

    @Test
    void aLoneMatchOfMiddlingConfidenceIsOfferedForConfirmation() {
        SearchVerdict verdict = SearchVerdict.of(List.of(match("a", 5, (offer + answer) / 2)), settings);

        assertThat(verdict).isInstanceOfSatisfying(SearchVerdict.Close.class, close ->
                assertThat(close.matches()).hasSize(1));
    }

    @Test
    void anEntryFoundTwiceCountsOnce() {
        assertThat(SearchVerdict.of(List.of(match("a", 10, 0.8), match("a", 9.5, 0.78)), settings))
                .isInstanceOf(SearchVerdict.Clear.class);
    }

    private static FaqMatch match(String id, double score, double confidence) {
        return new FaqMatch(new FaqEntry(id, "问题" + id + "？", List.of(), "答案" + id, "劳动", List.of()), score, confidence);
    }
}
