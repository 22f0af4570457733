package org.lawline.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.lawline.knowledge.Fixtures.entry;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.knowledge.FaqMatch;

/**
 * The confidence definition of {@link Coverage}, worked out by hand on a three-entry index
 * searched by words alone, where confidence is coverage (a hybrid index lifts it by meaning:
 * {@link SimilarityTest}).
 */
class ConfidenceTest {

    private final LuceneFaqSearch search = LuceneFaqSearch.keywordsOnly();

    @BeforeEach
    void index() {
        search.replaceAll(List.of(
                entry("asks", "仲裁", "答复。"),
                entry("tells", "加班", "可以申请仲裁。"),
                entry("other", "离婚", "协议。")));
    }

    @AfterEach
    void close() {
        search.close();
    }

    @Test
    void anEntryAskingExactlyTheQuestionIsCertain() {
        assertThat(confidences("仲裁").get("asks")).isEqualTo(1.0);
    }

    @Test
    void aWordOnlyInTheAnswerCountsHalfAndTheEntrysOwnQuestionIsNotAsked() {
        // question coverage 0.5 (answer only); entry coverage 0 (加班 not asked): 0.5 × (0.6 + 0.4 × 0)
        assertThat(confidences("仲裁").get("tells")).isCloseTo(0.3, within(1e-9));
    }

    @Test
    void aWordNoEntryHoldsCountsAgainstWithTheLargestWeight() {
        double known = Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5)); // 仲裁: in 2 of 3 entries
        double unknown = Math.log(1 + (3 - 0 + 0.5) / (0 + 0.5)); // 天气: in none

        assertThat(confidences("仲裁 天气").get("asks")).isCloseTo(known / (known + unknown), within(1e-9));
    }

    @Test
    void onlyWordsNoEntryHoldsFindNothing() {
        assertThat(search.search("天气 电影", 5)).isEmpty();
    }

    @Test
    void aSynonymCoversAsTheWordItself() {
        search.upsert(entry("wages", "拖欠工资", "投诉。"));

        assertThat(confidences("拖欠工钱").get("wages")).isEqualTo(1.0);
    }

    @Test
    void aWordTheAnalyzerCutApartStillCoversWhenItIsInTheText() {
        // smartcn reads 我辞职能要 as 我 / 辞 / 职能 / 要: 辞职 is no token of this entry. Found in
        // the text, the question is wholly covered (1.0); the entry's own words 辞 and 职能 are
        // still not in the question, so entry coverage is 1/3: 1.0 × (0.6 + 0.4 / 3). Without the
        // text match, the unknown 辞职 would weigh most and confidence fall below 0.3.
        search.upsert(entry("resign", "我辞职能要补偿吗", "可以。"));

        assertThat(confidences("辞职 补偿").get("resign")).isGreaterThan(0.7);
    }

    private Map<String, Double> confidences(String question) {
        return search.search(question, 10).stream()
                .collect(Collectors.toMap(m -> m.entry().id(), FaqMatch::confidence));
    }
}
