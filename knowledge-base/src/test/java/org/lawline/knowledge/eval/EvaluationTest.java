package org.lawline.knowledge.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawline.knowledge.ImportFailed;

class EvaluationTest {

    @TempDir
    Path folder;

    @Test
    void bothMethodsRunOnTheSameQueriesAndPrintLastInTheAgreedForm() throws IOException {
        Path laws = copy("/fixtures/law_articles_fixture.jsonl", "laws.jsonl");
        Path queries = copy("/fixtures/eval_laws_queries.jsonl", "queries.jsonl");

        Evaluation.EvaluationReport report = new Evaluation().run(Evaluation.Corpus.LAWS, laws, queries, 0.35,
                Evaluation.Progress.NONE);

        List<String> lines = report.lines();
        assertThat(lines.get(lines.size() - 2)).matches("method=bm25 n=4 top1=\\d\\.\\d{3} r3=\\d\\.\\d{3} mrr10=\\d\\.\\d{3}");
        assertThat(lines.get(lines.size() - 1)).matches("method=lawline n=4 top1=\\d\\.\\d{3} r3=\\d\\.\\d{3} mrr10=\\d\\.\\d{3}");
        assertThat(report.documents()).isEqualTo(5);
        assertThat(report.method("lawline").orElseThrow().top1()).isEqualTo(1.0);
    }

    @Test
    void scoresCountTopOneRecallAtThreeAndReciprocalRank() {
        List<LabelledQuery> queries = List.of(
                new LabelledQuery("a", List.of("x")),
                new LabelledQuery("b", List.of("y", "x")),
                new LabelledQuery("c", List.of("z")),
                new LabelledQuery("d", List.of()));
        Retriever fixed = (question, limit) -> List.of(
                new Retriever.Ranked("x", 0.9), new Retriever.Ranked("w", 0.5), new Retriever.Ranked("y", 0.1),
                new Retriever.Ranked("q", 0.0)).stream()
                .map(r -> question.equals("c") || question.equals("d") ? new Retriever.Ranked(r.id(), 0.2) : r)
                .limit(limit).toList();

        Harness.Score score = Harness.measure(queries, fixed, 0.35, (done, total) -> { });

        assertThat(score.n()).isEqualTo(4);
        assertThat(score.top1()).isEqualTo(0.5);         // a and b
        assertThat(score.r3()).isEqualTo(0.5);
        assertThat(score.mrr10()).isEqualTo((1 + 1) / 4.0);
        Harness.NoAnswer noAnswer = score.noAnswer().orElseThrow();
        assertThat(noAnswer.declined()).isEqualTo(2);     // c and d fall below 0.35
        assertThat(noAnswer.precision()).isEqualTo(1.0);  // neither had its gold first
    }

    @Test
    void aMissingQueriesFileFailsWithItsName() throws IOException {
        Path laws = copy("/fixtures/law_articles_fixture.jsonl", "laws.jsonl");

        assertThatThrownBy(() -> new Evaluation().run(Evaluation.Corpus.LAWS, laws, folder.resolve("none.jsonl"), 0.35,
                Evaluation.Progress.NONE)).isInstanceOf(ImportFailed.class).hasMessageContaining("none.jsonl");
    }

    @Test
    void aBadQueryLineFailsWithItsNumber() throws IOException {
        Path queries = Files.writeString(folder.resolve("q.jsonl"), "{\"q\": \"借钱\", \"gold\": []}\n{\"gold\": []}\n");

        assertThatThrownBy(() -> QueriesFile.read(queries)).isInstanceOf(ImportFailed.class).hasMessageContaining("line 2");
    }

    private Path copy(String resource, String name) throws IOException {
        Path file = folder.resolve(name);
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Files.copy(in, file);
        }
        return file;
    }
}
