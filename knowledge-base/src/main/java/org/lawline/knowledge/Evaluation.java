package org.lawline.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.lawline.knowledge.eval.Bm25Baseline;
import org.lawline.knowledge.eval.Harness;
import org.lawline.knowledge.eval.LabelledQuery;
import org.lawline.knowledge.eval.QueriesFile;
import org.lawline.knowledge.eval.Retriever;
import org.lawline.knowledge.tuning.CrossValidation;
import org.lawline.knowledge.tuning.Judged;
import org.lawline.knowledge.tuning.RankScores;
import org.lawline.knowledge.tuning.TunableRanking;

/**
 * Measures LawLine's search against plain BM25 on labelled queries, both methods on the same
 * queries in one run, each over an index built in memory from the given file alone (no
 * database, nothing else consulted).
 */
public final class Evaluation {

    /** What is searched. */
    public enum Corpus {
        /** FAQ entries from a JSONL or CSV file, as {@link FaqImport} reads it, searched by {@link FaqIndex}. */
        FAQ,
        /** Law articles from a JSONL file, as {@link LawArticleImport} reads it, searched by {@link LawArticleIndex}. */
        LAWS
    }

    /** Told as the evaluation goes, to show progress. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (step, done, total) -> { };

        /**
         * @param step what is being done: "read", "index", "vectors" (entries or articles whose
         *             sentence vectors the model has computed, of those not in the cache), or the
         *             method being measured
         */
        void progressed(String step, int done, int total);
    }

    /**
     * How a caller would treat one search's matches (the dialog's answer / choices / no-answer
     * line), so that the evaluation can report how often a question is answered outright, how
     * often rightly, and how often it gets choices or nothing.
     */
    @FunctionalInterface
    public interface AnswerPolicy {

        /** @param matches the search's matches, best first */
        Decision decide(List<FaqMatch> matches);
    }

    /** What an {@link AnswerPolicy} does with one search. */
    public sealed interface Decision {

        /** The entry is given as the answer. */
        record Answer(String entryId) implements Decision {
        }

        /** Numbered choices are offered. */
        record Choices() implements Decision {
        }

        /** Nothing is offered. */
        record Decline() implements Decision {
        }
    }

    private Evaluation() {
    }

    /**
     * Runs the evaluation.
     *
     * @param declineBelow the confidence below which LawLine would not answer, for the
     *                     no-answer precision (the dialog's choice threshold)
     * @throws ImportFailed when a file is missing or unreadable, or the corpus file holds no
     *                      good row
     */
    public static EvaluationReport run(Corpus corpus, Path documents, Path queriesFile, double declineBelow,
                                       Progress progress) {
        return run(corpus, documents, queriesFile, declineBelow, Optional.empty(), progress);
    }

    /**
     * As {@link #run(Corpus, Path, Path, double, Progress)}, with the entries' and articles' sentence vectors
     * also cached in this folder by content hash (as the service does), so a repeated run embeds
     * only what changed. The cache holds vectors only: results are the same with or without it.
     */
    public static EvaluationReport run(Corpus corpus, Path documents, Path queriesFile, double declineBelow,
                                       Optional<Path> embeddingCache, Progress progress) {
        return run(corpus, documents, queriesFile, declineBelow, embeddingCache, Optional.empty(), progress);
    }

    /**
     * As {@link #run(Corpus, Path, Path, double, Optional, Progress)}; for the FAQ corpus, with a
     * policy, the report also holds its calibration: the share of queries answered outright, the
     * precision of those answers (a gold entry given), the share offered choices and the share
     * declined. The policy sees the same searches that are scored, so nothing is searched twice.
     */
    public static EvaluationReport run(Corpus corpus, Path documents, Path queriesFile, double declineBelow,
                                       Optional<Path> embeddingCache, Optional<AnswerPolicy> policy,
                                       Progress progress) {
        return run(corpus, documents, queriesFile, declineBelow, embeddingCache, policy, QueryPart.ALL,
                OptionalInt.empty(), progress);
    }

    /**
     * As {@link #run(Corpus, Path, Path, double, Optional, Optional, Progress)}, on the given part
     * of the queries only; with folds, the report also holds LawLine's cross-validated figures:
     * its ranking learned again on all folds but one and scored on that one, fold by fold.
     *
     * @throws IllegalArgumentException when folds is below 2 or exceeds the queries of the part
     */
    public static EvaluationReport run(Corpus corpus, Path documents, Path queriesFile, double declineBelow,
                                       Optional<Path> embeddingCache, Optional<AnswerPolicy> policy,
                                       QueryPart part, OptionalInt folds, Progress progress) {
        List<LabelledQuery> queries = QueriesFile.read(queriesFile).stream().filter(q -> part.holds(q.text())).toList();
        if (queries.isEmpty()) {
            throw new ImportFailed(queriesFile.getFileName() + " holds no query in the part " + part);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        return switch (corpus) {
            case FAQ -> {
                List<FaqEntry> entries = new ArrayList<>();
                ImportReport read = new FaqImport().read(documents, entries::add,
                        (rows, bytes, total) -> progress.progressed("read", (int) rows, -1));
                requireRows(read, documents);
                for (FaqEntry entry : entries) {
                    texts.put(entry.id(), String.join("\n", entry.question(), String.join("\n", entry.phrasings()),
                            entry.answer(), entry.category()));
                }
                try (FaqIndex index = embeddingCache.map(FaqIndex::inMemory).orElseGet(FaqIndex::inMemory);
                     Bm25Baseline baseline = new Bm25Baseline(texts)) {
                    progress.progressed("index", 0, entries.size());
                    index.replaceAll(entries, (done, total) -> progress.progressed("vectors", done, total));
                    progress.progressed("index", entries.size(), entries.size());
                    List<Decision> decisions = new ArrayList<>();
                    Retriever lawline = (question, limit) -> {
                        List<FaqMatch> matches = index.search(question, limit);
                        policy.ifPresent(p -> decisions.add(p.decide(matches)));
                        return matches.stream().map(m -> new Retriever.Ranked(m.entry().id(), m.confidence())).toList();
                    };
                    EvaluationReport report = report(corpus, index.size(), read, queries, baseline, lawline, declineBelow,
                            progress);
                    report = policy.isEmpty() ? report : report.withCalibration(calibration("lawline", queries, decisions));
                    yield crossValidated(report, index, queries, folds, progress);
                }
            }
            case LAWS -> {
                List<LawArticle> articles = new ArrayList<>();
                ImportReport read = new LawArticleImport(ImportLimits.DEFAULTS).read(documents, articles::add,
                        (rows, bytes, total) -> progress.progressed("read", (int) rows, -1));
                requireRows(read, documents);
                for (LawArticle article : articles) {
                    texts.put(article.id(), String.join("\n", article.law(), article.book(), article.chapter(),
                            article.text()));
                }
                try (LawArticleIndex index = embeddingCache.map(LawArticleIndex::hybrid).orElseGet(LawArticleIndex::hybrid);
                     Bm25Baseline baseline = new Bm25Baseline(texts)) {
                    progress.progressed("index", 0, articles.size());
                    index.replaceAll(articles);
                    index.awaitVectors((done, total) -> progress.progressed("vectors", done, total));
                    progress.progressed("index", articles.size(), articles.size());
                    Retriever lawline = (question, limit) -> index.search(question, limit).stream()
                            .map(m -> new Retriever.Ranked(m.article().id(), Double.NaN)).toList();
                    yield crossValidated(report(corpus, index.size(), read, queries, baseline, lawline, declineBelow, progress),
                            index, queries, folds, progress);
                }
            }
        };
    }

    /** The report with the cross-validated figures of the index's ranking, when folds are asked for. */
    private static EvaluationReport crossValidated(EvaluationReport report, Object index, List<LabelledQuery> queries,
                                                   OptionalInt folds, Progress progress) {
        if (folds.isEmpty()) {
            return report;
        }
        if (!(index instanceof TunableRanking<?> tunable)) {
            throw new ImportFailed("this search's ranking cannot be learned again: no cross-validation for it");
        }
        return report.withCrossValidation(crossValidated(tunable, queries, folds.getAsInt(), progress));
    }

    private static <Q extends Judged> EvaluationReport.CrossValidatedScore crossValidated(
            TunableRanking<Q> tunable, List<LabelledQuery> queries, int folds, Progress progress) {
        List<Q> searched = new ArrayList<>(queries.size());
        for (LabelledQuery query : queries) {
            searched.add(tunable.candidates(query.text(), query.gold()));
            progress.progressed("cv", searched.size(), queries.size());
        }
        CrossValidation.Outcome outcome = CrossValidation.run(searched, folds, tunable.learner());
        RankScores pooled = outcome.pooled();
        return new EvaluationReport.CrossValidatedScore("lawline", folds, pooled.n(), pooled.top1(), pooled.r3(),
                pooled.mrr10());
    }

    /** Decisions are in the order of the queries: the harness searches each query once, in order. */
    private static EvaluationReport.CalibrationScore calibration(String method, List<LabelledQuery> queries,
                                                                 List<Decision> decisions) {
        int answered = 0;
        int rightlyAnswered = 0;
        int choices = 0;
        int declined = 0;
        for (int i = 0; i < decisions.size(); i++) {
            Decision decision = decisions.get(i);
            if (decision instanceof Decision.Answer answer) {
                answered++;
                if (queries.get(i).gold().contains(answer.entryId())) {
                    rightlyAnswered++;
                }
            } else if (decision instanceof Decision.Choices) {
                choices++;
            } else {
                declined++;
            }
        }
        int n = decisions.size();
        return new EvaluationReport.CalibrationScore(method, n,
                n == 0 ? 0 : (double) answered / n,
                answered == 0 ? 1.0 : (double) rightlyAnswered / answered,
                n == 0 ? 0 : (double) choices / n,
                n == 0 ? 0 : (double) declined / n);
    }

    private static void requireRows(ImportReport read, Path documents) {
        if (read.imported() == 0) {
            throw new ImportFailed(documents.getFileName() + " holds no usable row"
                    + (read.rejected().isEmpty() ? "" : "; line " + read.rejected().get(0).line() + ": "
                    + read.rejected().get(0).reason()));
        }
    }

    private static EvaluationReport report(Corpus corpus, int documents, ImportReport read, List<LabelledQuery> queries,
                                           Retriever baseline, Retriever lawline, double declineBelow,
                                           Progress progress) {
        Harness.Score bm25 = Harness.measure(queries, baseline, declineBelow,
                (done, total) -> progress.progressed("bm25", done, total));
        Harness.Score ours = Harness.measure(queries, lawline, declineBelow,
                (done, total) -> progress.progressed("lawline", done, total));
        List<EvaluationReport.NoAnswerScore> noAnswer = new ArrayList<>();
        ours.noAnswer().ifPresent(na -> noAnswer.add(
                new EvaluationReport.NoAnswerScore("lawline", na.threshold(), na.declined(), na.precision())));
        return new EvaluationReport(corpus, documents, read.rejectedCount(), List.of(), List.of(), noAnswer,
                List.of(score("bm25", bm25), score("lawline", ours)));
    }

    private static EvaluationReport.MethodScore score(String method, Harness.Score score) {
        return new EvaluationReport.MethodScore(method, score.n(), score.top1(), score.r3(), score.mrr10());
    }

    /**
     * The outcome of one run.
     *
     * @param documents    documents indexed
     * @param rejectedRows rows of the corpus file that could not be read
     * @param calibration  how an answer policy fared, when one was given (FAQ corpus only)
     * @param noAnswer     the precision of declining, for methods that give a confidence
     * @param methods      one score per method, the baseline first and LawLine last
     */
    public record EvaluationReport(Corpus corpus, int documents, long rejectedRows,
                                   List<CrossValidatedScore> crossValidation, List<CalibrationScore> calibration,
                                   List<NoAnswerScore> noAnswer, List<MethodScore> methods) {

        public EvaluationReport {
            crossValidation = List.copyOf(crossValidation);
            calibration = List.copyOf(calibration);
            noAnswer = List.copyOf(noAnswer);
            methods = List.copyOf(methods);
        }

        EvaluationReport withCalibration(CalibrationScore score) {
            return new EvaluationReport(corpus, documents, rejectedRows, crossValidation, List.of(score), noAnswer,
                    methods);
        }

        EvaluationReport withCrossValidation(CrossValidatedScore score) {
            return new EvaluationReport(corpus, documents, rejectedRows, List.of(score), calibration, noAnswer,
                    methods);
        }

        /** The score of one method, by name. */
        public Optional<MethodScore> method(String name) {
            return methods.stream().filter(m -> m.method().equals(name)).findFirst();
        }

        /**
         * The lines to print: the cross-validated figures first (when asked for), then the
         * calibration, then the no-answer precision, then one line a method, LawLine last.
         */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            crossValidation.forEach(c -> lines.add(c.line()));
            calibration.forEach(c -> lines.add(c.line()));
            noAnswer.forEach(na -> lines.add(na.line()));
            methods.forEach(m -> lines.add(m.line()));
            return lines;
        }

        /**
         * @param top1  share of queries whose first result is a gold id
         * @param r3    share with a gold id among the first three
         * @param mrr10 mean reciprocal rank of the first gold id within ten
         */
        public record MethodScore(String method, int n, double top1, double r3, double mrr10) {
            public String line() {
                return String.format(Locale.ROOT, "method=%s n=%d top1=%.3f r3=%.3f mrr10=%.3f", method, n, top1, r3, mrr10);
            }
        }

        /**
         * LawLine's figures with its ranking learned on all folds but one and scored on that one.
         *
         * @param n queries scored, each once, in its own fold
         */
        public record CrossValidatedScore(String method, int folds, int n, double top1, double r3, double mrr10) {
            public String line() {
                return String.format(Locale.ROOT, "cv method=%s folds=%d n=%d top1=%.3f r3=%.3f mrr10=%.3f",
                        method, folds, n, top1, r3, mrr10);
            }
        }

        /**
         * @param n         queries judged
         * @param answered  share of the queries answered outright
         * @param precision share of those answers that gave a gold entry (1 when none was answered)
         * @param choices   share of the queries offered numbered choices
         * @param declined  share of the queries offered nothing
         */
        public record CalibrationScore(String method, int n, double answered, double precision, double choices,
                                       double declined) {
            public String line() {
                return String.format(Locale.ROOT, "calibration method=%s answered=%.3f precision=%.3f choices=%.3f declined=%.3f",
                        method, answered, precision, choices, declined);
            }
        }

        /**
         * @param declined  queries whose best result's confidence was below the threshold, or that had none
         * @param precision share of the declined whose first result was not gold: declining was right
         */
        public record NoAnswerScore(String method, double threshold, int declined, double precision) {
            public String line() {
                return String.format(Locale.ROOT, "no_answer method=%s below=%.2f declined=%d precision=%.3f",
                        method, threshold, declined, precision);
            }
        }
    }
}
