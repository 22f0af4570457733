package org.lawline.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.embedding.CountingEmbedder;
import org.lawline.knowledge.embedding.QuestionVectors;
import org.lawline.knowledge.embedding.Vectors;

class EntryVectorsTest {

    private static final FaqEntry WAGES = new FaqEntry("wages", "老板拖欠工资怎么办？",
            List.of("公司三个月没发工资", "工钱一直不给"), "可以投诉。", "劳动", List.of());

    @TempDir
    Path cache;

    @Test
    void aRestartReadsTheVectorsFromTheCacheWithoutRunningTheModel() {
        CountingEmbedder first = new CountingEmbedder("restart-model");
        EntryVector computed = EntryVectors.cachedIn(cache, first).of(List.of(WAGES)).get(0);
        assertThat(first.embedded()).isEqualTo(4);

        CountingEmbedder second = new CountingEmbedder("restart-model");
        EntryVectors restarted = EntryVectors.cachedIn(cache, second);

        assertThat(restarted.known(WAGES)).hasValueSatisfying(v -> {
            assertThat(v.asked()).containsExactly(computed.asked());
            assertThat(v.whole()).containsExactly(computed.whole());
        });
        assertThat(restarted.of(List.of(WAGES)).get(0).whole()).containsExactly(computed.whole());
        assertThat(second.embedded()).isEqualTo(0);
    }

    @Test
    void anEditedPhrasingIsTheOnlySentenceEmbeddedAgain() {
        CountingEmbedder model = new CountingEmbedder("edit-model");
        EntryVectors vectors = EntryVectors.cachedIn(cache, model);
        vectors.of(List.of(WAGES));

        FaqEntry edited = new FaqEntry("wages", WAGES.question(), List.of("公司三个月没发工资", "欠薪去哪里告"),
                WAGES.answer(), WAGES.category(), List.of());
        vectors.of(List.of(edited));

        assertThat(model.embedded()).isEqualTo(5);
    }

    @Test
    void anEditedAnswerEmbedsOnlyTheWholeEntryAgain() {
        CountingEmbedder model = new CountingEmbedder("answer-model");
        EntryVectors vectors = EntryVectors.cachedIn(cache, model);
        EntryVector before = vectors.of(List.of(WAGES)).get(0);

        FaqEntry edited = new FaqEntry("wages", WAGES.question(), WAGES.phrasings(), "可以向劳动监察大队投诉。",
                WAGES.category(), List.of());
        EntryVector after = vectors.of(List.of(edited)).get(0);

        assertThat(model.embedded()).isEqualTo(5);
        assertThat(after.asked()).containsExactly(before.asked());
        assertThat(after.whole()).isNotEqualTo(before.whole());
    }

    @Test
    void anotherModelNeverReadsTheseVectors() {
        EntryVectors.cachedIn(cache, new CountingEmbedder("model-a")).of(List.of(WAGES));

        assertThat(EntryVectors.cachedIn(cache, new CountingEmbedder("model-b")).known(WAGES)).isEmpty();
    }

    @Test
    void anEntrysAskedVectorIsTheUnitMeanOfItsQuestionAndPhrasingsAndItsWholeVectorThatOfQuestionAndAnswer() {
        CountingEmbedder model = new CountingEmbedder("mean-model");
        EntryVector vector = EntryVectors.inMemory(model).of(List.of(WAGES)).get(0);

        // texts are embedded as searched: NFKC-normalised (？ becomes ?)
        float[] expected = Vectors.centroid(model.embed(
                List.of(Vocabulary.normalize(WAGES.question()), "公司三个月没发工资", "工钱一直不给")));
        assertThat(Vectors.dot(vector.asked(), vector.asked())).isCloseTo(1.0, within(1e-5));
        assertThat(vector.asked()).containsExactly(expected);
        assertThat(vector.whole()).containsExactly(model.embed(List.of("老板拖欠工资怎么办?\n可以投诉。")).get(0));
    }

    @Test
    void aQuestionIsSearchedAfterTheModelsQueryInstructionAndWeighedForConfidenceAsTypedBothFromOneCallAndKept() {
        CountingEmbedder model = new CountingEmbedder("question-model");
        EntryVectors vectors = EntryVectors.inMemory(model);

        QuestionVectors.Asked asked = vectors.ofQuestion(" 公司三个月没发工资？");
        QuestionVectors.Asked again = vectors.ofQuestion("公司三个月没发工资？");

        assertThat(model.calls()).isEqualTo(1);
        assertThat(model.embedded()).isEqualTo(2);
        assertThat(asked.meaning()).containsExactly(model.embed(List.of("公司三个月没发工资？")).get(0));
        assertThat(asked.searching()).containsExactly(
                model.embed(List.of(QuestionVectors.QUERY_INSTRUCTION + "公司三个月没发工资?")).get(0));
        assertThat(again).isSameAs(asked);
    }

    @Test
    void aFileOfTheWrongSizeIsAMissNotAFailure() throws Exception {
        EntryVectors.cachedIn(cache, new CountingEmbedder("broken-model")).of(List.of(WAGES));
        try (Stream<Path> files = Files.walk(cache)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.write(file, new byte[] {1, 2, 3});
            }
        }
        CountingEmbedder model = new CountingEmbedder("broken-model");
        EntryVectors vectors = EntryVectors.cachedIn(cache, model);

        assertThat(vectors.known(WAGES)).isEmpty();
        assertThat(vectors.of(List.of(WAGES))).hasSize(1);
    }
}
