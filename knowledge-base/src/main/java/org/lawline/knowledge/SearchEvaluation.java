package org.lawline.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Measures LawLine's search against plain BM25 on labelled queries, both methods on the same
 * queries in one run, each over an index built in memory from the given file (no database; the
 * law search also consults, as in the service, a FAQ index: the bundled entries). Code without
 * an application context gets one from
 * {@link KnowledgeWiring#evaluation()}.
 */
public interface SearchEvaluation {

    /** What is searched. */
    enum Corpus {
        /** FAQ entries from a JSONL or CSV file, as {@link FaqImport} reads it, searched by {@link FaqIndex}. */
        FAQ,
        /** Law articles from a JSONL file, as {@link LawArticleImport} reads it, searched by {@link LawArticleIndex}. */
        LAWS
    }

    /** Told as the evaluation goes, to show progress. */
    @FunctionalInterface
    interface Progress {
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
    interface AnswerPolicy {

        /** @param matches the search's matches, best first */
        Decision decide(List<FaqMatch> matches);
    }

    /** What an {@link AnswerPolicy} does with one search. */
    sealed interface Decision {

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

    /**
     * Runs the evaluation.
     *
     * @param declineBelow the confidence below which LawLine would not answer, for the
     *                     no-answer precision (the dialog's choice threshold)
     * @throws ImportFailed when a file is missing or unreadable, or the corpus file holds no
     *                      good row
     */
    default EvaluationReport run(Corpus corpus, Path documents, Path queriesFile, double declineBelow,
                                 Progress progress) {
        return run(corpus, documents, queriesFile, declineBelow, Optional.empty(), progress);
    }

    /**
     * As {@link #run(Corpus, Path, Path, double, Progress)}, with the entries' and articles' sentence vectors
     * also cached in this folder by content hash (as the service does), so a repeated run embeds
     * only what changed. The cache holds vectors only: results are the same with or without it.
     */
    default EvaluationReport run(Corpus corpus, Path documents, Path queriesFile, double declineBelow,
                                 Optional<Path> embeddingCache, Progress progress) {
        return run(corpus, documents, queriesFile, declineBelow, embeddingCache, Optional.empty(), progress);
    }

    /**
     * As {@link #run(Corpus, Path, Path, double, Optional, Progress)}; for the FAQ corpus, with a
     * policy, the report also holds its calibration: the share of queries answered outright, the
     * precision of those answers (a gold entry given), the share offered choices and the share
     * declined. The policy sees the same searches that are scored, so nothing is searched twice.
     */
    default EvaluationReport run(Corpus corpus, Path documents, Path queriesFile, double declineBelow,
                                 Optional<Path> embeddingCache, Optional<AnswerPolicy> policy, Progress progress) {
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
    EvaluationReport run(Corpus corpus, Path documents, Path queriesFile, double declineBelow,
                         Optional<Path> embeddingCache, Optional<AnswerPolicy> policy, QueryPart part,
                         OptionalInt folds, Progress progress);

    /**
     * The outcome of one run.
     *
     * @param documents    documents indexed
     * @param rejectedRows rows of the corpus file that could not be read
     * @param crossValidation LawLine's cross-validated figures, when folds were asked for
     * @param calibration  how an answer policy fared, when one was given (FAQ corpus only)
     * @param noAnswer     the precision of declining, for methods that give a confidence
     * @param methods      one score per method, the baseline first and LawLine last
     */
    record EvaluationReport(Corpus corpus, int documents, long rejectedRows,
                            List<CrossValidatedScore> crossValidation, List<CalibrationScore> calibration,
                            List<NoAnswerScore> noAnswer, List<MethodScore> methods) {

        public EvaluationReport {
            crossValidation = List.copyOf(crossValidation);
            calibration = List.copyOf(calibration);
            noAnswer = List.copyOf(noAnswer);
            methods = List.copyOf(methods);
        }

        /** This report with an answer policy's calibration. */
        public EvaluationReport withCalibration(CalibrationScore score) {
            return new EvaluationReport(corpus, documents, rejectedRows, crossValidation, List.of(score), noAnswer,
                    methods);
        }

        /** This report with LawLine's cross-validated figures. */
        public EvaluationReport withCrossValidation(CrossValidatedScore score) {
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
         * @param n       queries scored, each once, in its own fold
         * @param perFold what each fold's ranking was learned as, and how it scored its fold: how
         *                stable the choice is says how far the shipped setting can be trusted
         */
        public record CrossValidatedScore(String method, int folds, int n, double top1, double r3, double mrr10,
                                          List<FoldChoice> perFold) {

            public CrossValidatedScore {
                perFold = List.copyOf(perFold);
            }

            /**
             * One fold.
             *
             * @param chosen the setting learned on the other folds, as the ranking describes it
             */
            public record FoldChoice(int fold, int n, String chosen, double top1, double r3) {
                public String line() {
                    return String.format(Locale.ROOT, "fold=%d n=%d top1=%.3f r3=%.3f chosen=%s", fold, n, top1, r3, chosen);
                }
            }

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
