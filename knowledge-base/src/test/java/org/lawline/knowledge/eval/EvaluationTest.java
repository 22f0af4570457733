package org.lawline.knowledge.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawline.knowledge.ImportFailed;
import org.lawline.knowledge.QueryPart;

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
    void foldsPrintTheCrossValidatedFiguresFirstWithEveryQueryScoredOnceAndTheMethodsLast() throws IOException {
        Path laws = copy("/fixtures/law_articles_fixture.jsonl", "laws.jsonl");
        Path queries = copy("/fixtures/eval_laws_queries.jsonl", "queries.jsonl");

        Evaluation.EvaluationReport report = new Evaluation().run(Evaluation.Corpus.LAWS, laws, queries, 0.35,
                Optional.empty(), Optional.empty(), QueryPart.ALL, OptionalInt.of(2), Evaluation.Progress.NONE);

        List<String> lines = report.lines();
        assertThat(lines.get(0)).matches("cv method=lawline folds=2 n=4 top1=\\d\\.\\d{3} r3=\\d\\.\\d{3} mrr10=\\d\\.\\d{3}");
        assertThat(lines.get(lines.size() - 1)).startsWith("method=lawline n=4 ");
        // each question's own article is found first whatever the folds chose: words and meaning agree here
        assertThat(report.crossValidation().get(0).top1()).isEqualTo(1.0);
        // each fold says what it chose and how it scored its own queries, which add up to all of them
        var perFold = report.crossValidation().get(0).perFold();
        assertThat(perFold.stream().mapToInt(f -> f.n()).sum()).isEqualTo(4);
        assertThat(perFold).allSatisfy(f -> assertThat(f.chosen()).startsWith("LawRanking["));
    }

    @Test
    void theFaqSearchOffersItsRankingToTheFoldsToo() throws IOException {
        Path entries = copy("/fixtures/faq_fixture.jsonl", "faq.jsonl");
        Path queries = Files.write(folder.resolve("faq_queries.jsonl"), List.of(
                "{\"q\": \"老板欠我三个月工钱不给\", \"gold\": [\"fx-wage-arrears\"]}",
                "{\"q\": \"在工地上干活摔伤了算不算工伤\", \"gold\": [\"fx-work-injury\"]}",
                "{\"q\": \"借给同学两万块一直不还\", \"gold\": [\"fx-loan-not-repaid\"]}",
                "{\"q\": \"老板不给加班费\", \"gold\": [\"fx-overtime-pay\"]}"));

        Evaluation.EvaluationReport report = new Evaluation().run(Evaluation.Corpus.FAQ, entries, queries, 0.35,
                Optional.empty(), Optional.empty(), QueryPart.ALL, OptionalInt.of(2), Evaluation.Progress.NONE);

        List<String> lines = report.lines();
        assertThat(lines.get(0)).matches("cv method=lawline folds=2 n=4 top1=\\d\\.\\d{3} r3=\\d\\.\\d{3} mrr10=\\d\\.\\d{3}");
        assertThat(lines.get(lines.size() - 1)).startsWith("method=lawline n=4 ");
    }

    @Test
    void aPartMeasuresOnlyTheQueriesItHolds() throws IOException {
        Path laws = copy("/fixtures/law_articles_fixture.jsonl", "laws.jsonl");
        List<String> questions = IntStream.range(0, 30).mapToObj(i -> "公司拖欠第" + i + "个月的工资怎么办").toList();
        Path queries = Files.write(folder.resolve("queries.jsonl"), questions.stream()
                .map(q -> "{\"q\": \"" + q + "\", \"gold\": [\"art:劳动合同法第三十条\"]}").toList());
        long heldOut = questions.stream().filter(QueryPart.HELD_OUT::holds).count();

        Evaluation evaluation = new Evaluation();
        Evaluation.EvaluationReport held = evaluation.run(Evaluation.Corpus.LAWS, laws, queries, 0.35, Optional.empty(),
                Optional.empty(), QueryPart.HELD_OUT, OptionalInt.empty(), Evaluation.Progress.NONE);
        Evaluation.EvaluationReport tuning = evaluation.run(Evaluation.Corpus.LAWS, laws, queries, 0.35, Optional.empty(),
                Optional.empty(), QueryPart.TUNING, OptionalInt.empty(), Evaluation.Progress.NONE);

        assertThat(heldOut).isBetween(1L, 29L);
        assertThat(held.method("bm25").orElseThrow().n()).isEqualTo((int) heldOut);
        assertThat(held.method("lawline").orElseThrow().n()).isEqualTo((int) heldOut);
        assertThat(tuning.method("lawline").orElseThrow().n()).isEqualTo(30 - (int) heldOut);
    }

    @Test
    void aPartWithNoQueryIsRefusedByName() throws IOException {
        Path laws = copy("/fixtures/law_articles_fixture.jsonl", "laws.jsonl");
        String tuningOnly = IntStream.range(0, 50).mapToObj(i -> "借款合同第" + i + "问").filter(QueryPart.TUNING::holds)
                .findFirst().orElseThrow();
        Path queries = Files.writeString(folder.resolve("q.jsonl"), "{\"q\": \"" + tuningOnly + "\", \"gold\": []}\n");

        assertThatThrownBy(() -> new Evaluation().run(Evaluation.Corpus.LAWS, laws, queries, 0.35, Optional.empty(),
                Optional.empty(), QueryPart.HELD_OUT, OptionalInt.empty(), Evaluation.Progress.NONE))
                .isInstanceOf(ImportFailed.class).hasMessageContaining("HELD_OUT");
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
