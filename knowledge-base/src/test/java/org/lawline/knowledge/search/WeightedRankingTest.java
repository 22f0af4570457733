package org.lawline.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lawline.knowledge.Fixtures.entry;

import java.util.List;
import java.util.Optional;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqMatch;
import org.lawline.knowledge.embedding.SentenceEmbedder;
import org.junit.jupiter.api.Test;

/**
 * How words and meaning are weighed together, with a stand-in model that finds every sentence
 * equally close to every other: the order then rests on the words as the hybrid weighs them.
 */
class WeightedRankingTest {

    /**
     * A long question holding every asked word, and a short one lacking only 加班, which most
     * entries mention and so weighs little.
     */
    private static final List<FaqEntry> ENTRIES = List.of(
            entry("long", "劳动者在公司连续加班以后向劳动仲裁委员会申请仲裁需要准备哪些证据材料",
                    "加班后可向劳动仲裁委员会申请劳动仲裁。"),
            entry("short", "劳动仲裁", "向劳动仲裁委员会申请。"),
            entry("divorce", "离婚", "加班。"),
            entry("estate", "继承", "加班。"),
            entry("injury", "工伤", "加班。"),
            entry("insurance", "社保", "加班。"));

    @Test
    void whenMeaningIsKnownALongEntryQuestionHoldingEveryAskedWordIsNotHeldBackByItsLength() {
        try (LuceneFaqSearch hybrid = new LuceneFaqSearch(Optional.of(EntryVectors.inMemory(new SameMeaning())))) {
            hybrid.replaceAll(ENTRIES);

            assertThat(hybrid.search("加班 劳动仲裁", 2)).extracting(m -> m.entry().id()).containsExactly("long", "short");
        }
    }

    @Test
    void byWordsAloneTheEntryQuestionThatIsMostlyTheQuestionComesFirst() {
        try (LuceneFaqSearch keywords = LuceneFaqSearch.keywordsOnly()) {
            keywords.replaceAll(ENTRIES);

            List<FaqMatch> found = keywords.search("加班 劳动仲裁", 2);

            assertThat(found).extracting(m -> m.entry().id()).containsExactly("short", "long");
        }
    }

    /** One vector for every sentence: closeness 1 everywhere, so meaning separates nothing. */
    private static final class SameMeaning implements SentenceEmbedder {
        @Override
        public String modelId() {
            return "same-meaning";
        }

        @Override
        public int dimensions() {
            return 4;
        }

        @Override
        public List<float[]> embed(List<String> sentences) {
            return sentences.stream().map(s -> new float[] {0.5f, 0.5f, 0.5f, 0.5f}).toList();
        }
    }
}
