package org.lawline.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.lawline.conversation.AnswerVerdict;
import org.lawline.conversation.DialogSettings;
import org.lawline.knowledge.FaqMatch;
import org.lawline.knowledge.ImportFailed;
import org.lawline.knowledge.KnowledgeWiring;
import org.lawline.knowledge.SearchEvaluation;
import org.slf4j.LoggerFactory;

/**
 * {@code ./lawline eval}: LawLine's search and plain BM25 on the same labelled queries, each over
 * an index built in memory from the given file (the law search also consulting, as in the
 * service, a FAQ index: here the bundled entries). Results on standard output: for the FAQ
 * corpus the calibration of the dialog's answer / choices / no-answer line and the no-answer
 * precision, then one line a method, the baseline then LawLine last; progress on standard error.
 * The thresholds are the service's own ({@code lawline.dialog.*} in application.yml and the
 * environment), so what is measured is what a citizen meets.
 */
final class EvalCommand {

    private final PrintStream out;
    private final PrintStream err;
    private final Path embeddingCache;
    private final DialogSettings dialog;
    private final SearchEvaluation evaluation = KnowledgeWiring.evaluation();

    EvalCommand(PrintStream out, PrintStream err) {
        this(out, err, defaultEmbeddingCache());
    }

    /** @param embeddingCache where the FAQ entries' and law articles' sentence vectors are kept between runs */
    EvalCommand(PrintStream out, PrintStream err, Path embeddingCache) {
        this(out, err, embeddingCache, DialogSettingsOfTheService.read());
    }

    /** @param dialog the thresholds the dialog answers by, measured by the calibration line */
    EvalCommand(PrintStream out, PrintStream err, Path embeddingCache, DialogSettings dialog) {
        this.out = out;
        this.err = err;
        this.embeddingCache = embeddingCache;
        this.dialog = dialog;
    }

    int run(Command.Eval eval) {
        logToStandardError();
        for (Path file : List.of(eval.documents(), eval.queries())) {
            if (!Files.isRegularFile(file)) {
                err.println("找不到文件：" + file);
                return 1;
            }
        }
        SearchEvaluation.EvaluationReport report;
        try {
            report = evaluation.run(eval.corpus(), eval.documents(), eval.queries(),
                    eval.declineBelow().orElse(dialog.choiceConfidence()), Optional.of(embeddingCache),
                    Optional.of(this::decide), eval.part(), eval.folds(), this::progress);
        } catch (ImportFailed | IllegalArgumentException e) {
            err.println();
            err.println("评测失败：" + e.getMessage());
            return 1;
        }
        err.println();
        if (report.rejectedRows() > 0) {
            err.printf("注意：%s 有 %d 行无法读取，已跳过%n", eval.documents().getFileName(), report.rejectedRows());
        }
        err.printf("%d 篇文档已建索引%n", report.documents());
        // what each fold chose, beside the results: a setting every fold agrees on is one to trust
        report.crossValidation().forEach(cv -> cv.perFold().forEach(fold -> err.println("交叉验证 " + fold.line())));
        report.lines().forEach(out::println);
        return 0;
    }

    /** What the dialog would do with these matches, by its own settings. */
    private SearchEvaluation.Decision decide(List<FaqMatch> matches) {
        return switch (AnswerVerdict.of(matches, dialog)) {
            case ANSWER -> new SearchEvaluation.Decision.Answer(AnswerVerdict.distinctEntries(matches).get(0).entry().id());
            case CHOICES -> new SearchEvaluation.Decision.Choices();
            case DECLINE -> new SearchEvaluation.Decision.Decline();
        };
    }

    /** Where the service keeps entry and article vectors, {@code $LAWLINE_HOME/data/embeddings}: a repeated run embeds nothing again. */
    private static Path defaultEmbeddingCache() {
        String home = System.getenv("LAWLINE_HOME");
        return Path.of(home == null || home.isBlank() ? "." : home, "data", "embeddings");
    }

    /**
     * Without an application context logback would log everything to standard output; like the
     * other commands (profile cli in logback-spring.xml), only warnings, on standard error, so
     * standard output holds the results alone.
     */
    private static void logToStandardError() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext logging)) {
            return;
        }
        logging.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(logging);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(logging);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(appender);
        // the model's runtime warns on every start that this machine has no GPU
        logging.getLogger("ai.djl").setLevel(Level.ERROR);
    }

    private void progress(String step, int done, int total) {
        // redrawn in place, and not for every query: a terminal is slower than a search
        if (total < 0) {
            if (done % 1000 == 0) {
                err.printf("\r读取中  已读 %d 行", done);
            }
        } else if (step.equals("index")) {
            err.printf("\r建索引  %d / %d 篇", done, total);
        } else if (step.equals("vectors")) {
            // minutes on a first run (thousands of sentences through the model), then cached
            err.printf("\r计算语义向量（首次运行，之后读缓存）  %d / %d 篇", done, total);
            if (done == total) {
                err.println();
            }
        } else if (done % 20 == 0 || done == total) {
            err.printf("\r评测中  method=%s  %d / %d", step, done, total);
        }
        err.flush();
    }
}
