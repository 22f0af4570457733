package org.lawline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawline.conversation.DialogSettings;
import org.lawline.knowledge.SearchEvaluation;
import org.lawline.knowledge.QueryPart;

class EvalCommandTest {

    @TempDir
    Path folder;

    @Test
    void evalTakesCorpusKnowledgeFileAndQueriesInAnyOrder() {
        assertThat(Command.parse(new String[] {"eval", "--queries", "q.jsonl", "--corpus", "laws", "--kb", "laws.jsonl"}))
                .isEqualTo(new Command.Eval(SearchEvaluation.Corpus.LAWS, Path.of("laws.jsonl"), Path.of("q.jsonl"), Optional.empty(), QueryPart.ALL, OptionalInt.empty()));
        assertThat(Command.parse(new String[] {"eval", "--corpus", "faq", "--kb", "kb.csv", "--queries", "q.jsonl",
                "--no-answer-below", "0.5"}))
                .isEqualTo(new Command.Eval(SearchEvaluation.Corpus.FAQ, Path.of("kb.csv"), Path.of("q.jsonl"), Optional.of(0.5), QueryPart.ALL, OptionalInt.empty()));
    }

    @Test
    void evalTakesThePartOfTheQueriesAndTheFoldsOfACrossValidation() {
        assertThat(Command.parse(new String[] {"eval", "--corpus", "laws", "--kb", "laws.jsonl", "--queries", "q.jsonl",
                "--part", "held-out", "--folds", "5"}))
                .isEqualTo(new Command.Eval(SearchEvaluation.Corpus.LAWS, Path.of("laws.jsonl"), Path.of("q.jsonl"), Optional.empty(),
                        QueryPart.HELD_OUT, OptionalInt.of(5)));
        assertThat(Command.parse(new String[] {"eval", "--corpus", "faq", "--kb", "kb.csv", "--queries", "q.jsonl",
                "--part", "tuning"}))
                .isEqualTo(new Command.Eval(SearchEvaluation.Corpus.FAQ, Path.of("kb.csv"), Path.of("q.jsonl"), Optional.empty(),
                        QueryPart.TUNING, OptionalInt.empty()));
        assertThatThrownBy(() -> Command.parse(new String[] {"eval", "--corpus", "faq", "--kb", "a", "--queries", "b",
                "--part", "dev"})).isInstanceOf(Command.UsageError.class).hasMessageContaining("held-out");
        for (String folds : new String[] {"1", "21", "five"}) {
            assertThatThrownBy(() -> Command.parse(new String[] {"eval", "--corpus", "faq", "--kb", "a", "--queries", "b",
                    "--folds", folds})).isInstanceOf(Command.UsageError.class).hasMessageContaining("--folds");
        }
    }

    @Test
    void evalSaysWhatIsMissingOrWrong() {
        assertThatThrownBy(() -> Command.parse(new String[] {"eval", "--corpus", "faq"}))
                .isInstanceOf(Command.UsageError.class).hasMessageContaining("--kb");
        assertThatThrownBy(() -> Command.parse(new String[] {"eval", "--corpus", "web", "--kb", "a", "--queries", "b"}))
                .isInstanceOf(Command.UsageError.class).hasMessageContaining("faq 或 laws");
        assertThatThrownBy(() -> Command.parse(new String[] {"eval", "--corpus"}))
                .isInstanceOf(Command.UsageError.class).hasMessageContaining("缺少取值");
        assertThatThrownBy(() -> Command.parse(new String[] {"eval", "--corpus", "faq", "--kb", "a", "--queries", "b",
                "--no-answer-below", "2"})).isInstanceOf(Command.UsageError.class);
    }

    @Test
    void evalPrintsTheBaselineThenLawLineLastAndProgressApart() throws IOException {
        // sentences no other test embeds: this process remembers recent vectors across indexes
        Path kb = Files.writeString(folder.resolve("kb.jsonl"), """
                {"id": "wages", "question": "老板拖欠我的工资该怎么办呢（评测命令测试）", "answer": "可以申请劳动仲裁。", "category": "劳动", "law_refs": []}
                {"id": "divorce", "question": "离婚该怎么去法院起诉呢（评测命令测试）", "answer": "向人民法院起诉离婚。", "category": "婚姻", "law_refs": []}
                """);
        Path queries = Files.writeString(folder.resolve("q.jsonl"), """
                {"q": "工资被拖欠", "gold": ["wages"]}
                {"q": "起诉离婚", "gold": ["divorce"]}
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = new EvalCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), folder.resolve("embeddings"))
                .run(new Command.Eval(SearchEvaluation.Corpus.FAQ, kb, queries, Optional.empty(), QueryPart.ALL, OptionalInt.empty()));

        assertThat(status).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines[lines.length - 2]).startsWith("method=bm25 n=2 top1=");
        assertThat(lines[lines.length - 1]).isEqualTo("method=lawline n=2 top1=1.000 r3=1.000 mrr10=1.000");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("评测中").contains("计算语义向量").contains("2 / 2 篇");

        // a second run reads the vectors the first one cached: nothing to compute, nothing to show
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        new EvalCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(again, true, StandardCharsets.UTF_8), folder.resolve("embeddings"))
                .run(new Command.Eval(SearchEvaluation.Corpus.FAQ, kb, queries, Optional.empty(), QueryPart.ALL, OptionalInt.empty()));
        assertThat(again.toString(StandardCharsets.UTF_8)).contains("评测中").doesNotContain("计算语义向量");
    }

    @Test
    void theFaqEvaluationReportsHowTheDialogsOwnThresholdsAnswerBeforeTheLastThreeLines() throws IOException {
        Path kb = Files.writeString(folder.resolve("kb.jsonl"), """
                {"id": "wages", "question": "老板拖欠我的工资该怎么办呢（校准行测试）", "answer": "可以申请劳动仲裁。", "category": "劳动", "law_refs": []}
                {"id": "divorce", "question": "离婚该怎么去法院起诉呢（校准行测试）", "answer": "向人民法院起诉离婚。", "category": "婚姻", "law_refs": []}
                """);
        Path queries = Files.writeString(folder.resolve("q.jsonl"), """
                {"q": "老板拖欠我的工资该怎么办呢（校准行测试）", "gold": ["wages"]}
                {"q": "离婚该怎么去法院起诉呢（校准行测试）", "gold": ["wages"]}
                {"q": "红烧肉怎么做好吃", "gold": []}
                {"q": "今天天气怎么样", "gold": []}
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = new EvalCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), folder.resolve("embeddings"))
                .run(new Command.Eval(SearchEvaluation.Corpus.FAQ, kb, queries, Optional.empty(), QueryPart.ALL, OptionalInt.empty()));

        assertThat(status).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        String calibration = lines[lines.length - 4];
        assertThat(calibration).matches(
                "calibration method=lawline answered=\\d\\.\\d{3} precision=\\d\\.\\d{3} choices=\\d\\.\\d{3} declined=\\d\\.\\d{3}");
        // each question asked word for word is answered, one rightly and one not; the two about
        // cooking and the weather are declined
        assertThat(calibration).isEqualTo("calibration method=lawline answered=0.500 precision=0.500 choices=0.000 declined=0.500");
        assertThat(lines[lines.length - 3]).startsWith(String.format(java.util.Locale.ROOT, "no_answer method=lawline below=%.2f ",
                DialogSettings.defaults().choiceConfidence()));
    }

    @Test
    void aMissingFileIsNamed() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = new EvalCommand(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new Command.Eval(SearchEvaluation.Corpus.LAWS, folder.resolve("none.jsonl"), folder.resolve("q.jsonl"), Optional.empty(), QueryPart.ALL, OptionalInt.empty()));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("找不到文件").contains("none.jsonl");
    }
}
