package org.lawline.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.DialogSettings;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqMatch;

/** Answer, choices or no answer, with the default thresholds (answer 0.6, offer 0.3, close 85 %, gap 0.2). */
class SearchVerdictTest {

    private final DialogSettings settings = DialogSettings.defaults();

    @Test
    void nothingFoundIsAMiss() {
        assertThat(SearchVerdict.of(List.of(), settings)).isInstanceOf(SearchVerdict.Miss.class);
    }

    @Test
    void aBestMatchBelowTheOfferingConfidenceIsAMiss() {
        assertThat(SearchVerdict.of(List.of(match("a", 9, 0.29), match("b", 8, 0.2)), settings))
                .isInstanceOf(SearchVerdict.Miss.class);
    }

    @Test
    void aConfidentMatchAloneIsAnswered() {
        assertThat(SearchVerdict.of(List.of(match("a", 9, 0.6)), settings)).isInstanceOf(SearchVerdict.Clear.class);
    }

    @Test
    void aConfidentMatchFarAheadByScoreIsAnswered() {
        SearchVerdict verdict = SearchVerdict.of(List.of(match("a", 10, 0.8), match("b", 8.4, 0.75)), settings);

        assertThat(verdict).isInstanceOfSatisfying(SearchVerdict.Clear.class, clear ->
                assertThat(clear.match().entry().id()).isEqualTo("a"));
    }

    @Test
    void aConfidentMatchFarAheadByConfidenceIsAnsweredEvenIfScoresAreClose() {
        assertThat(SearchVerdict.of(List.of(match("a", 10, 0.9), match("b", 9.9, 0.7)), settings))
                .isInstanceOf(SearchVerdict.Clear.class);
    }

    @Test
    void aRunnerUpTooWeakToOfferDoesNotMakeItClose() {
        assertThat(SearchVerdict.of(List.of(match("a", 10, 0.65), match("b", 9.9, 0.29)), settings))
                .isInstanceOf(SearchVerdict.Clear.class);
    }

    @Test
    void closeMatchesAreOfferedBestFirst_atMostMaxChoices() {
        SearchVerdict verdict = SearchVerdict.of(List.of(
                match("a", 10, 0.8), match("b", 9, 0.75), match("c", 8.8, 0.7), match("d", 8.7, 0.7)), settings);

        assertThat(verdict).isInstanceOfSatisfying(SearchVerdict.Close.class, close ->
                assertThat(close.matches()).extracting(m -> m.entry().id()).containsExactly("a", "b", "c"));
    }

    @Test
    void weakMatchesAreLeftOutOfTheChoices() {
        SearchVerdict verdict = SearchVerdict.of(List.of(match("a", 10, 0.8), match("b", 9, 0.75), match("c", 8.8, 0.1)), settings);

        assertThat(verdict).isInstanceOfSatisfying(SearchVerdict.Close.class, close ->
                assertThat(close.matches()).hasSize(2));
    }

    @Test
    void aLoneMatchOfMiddlingConfidenceIsOfferedForConfirmation() {
        SearchVerdict verdict = SearchVerdict.of(List.of(match("a", 5, 0.45)), settings);

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
