package org.lawline.knowledge.tuning;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * K-fold cross-validation of a learned ranking: each query is placed in one fold by a stable hash
 * of its text; for each fold a ranking is learned on the other folds and ranks the queries of
 * that fold, which it never saw. The pooled figures are what the tuning would score on questions
 * it was not tuned on — unlike the figures of the settings chosen on all the queries, which
 * flatter them.
 */
public final class CrossValidation {

    /** Fits a ranking on training queries. */
    @FunctionalInterface
    public interface Learner<Q> {
        Ranker<Q> fit(List<Q> training);
    }

    /** Ranks one query's documents. */
    @FunctionalInterface
    public interface Ranker<Q> {

        /** The ids of the query's documents, best first. */
        List<String> rank(Q query);
    }

    private CrossValidation() {
    }

    /** The fold, 0 to {@code folds - 1}, of a query: CRC-32 of its text, so the same in every run and order. */
    public static int foldOf(String queryText, int folds) {
        CRC32 crc = new CRC32();
        crc.update(queryText.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % folds);
    }

    /**
     * Runs the cross-validation.
     *
     * @param folds at least 2
     * @throws IllegalArgumentException when folds is below 2 or there are fewer queries than folds
     */
    public static <Q extends Judged> Outcome run(List<Q> queries, int folds, Learner<Q> learner) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, not " + folds);
        }
        if (queries.size() < folds) {
            throw new IllegalArgumentException(queries.size() + " queries cannot fill " + folds + " folds");
        }
        List<List<Q>> byFold = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            byFold.add(new ArrayList<>());
        }
        for (Q query : queries) {
            byFold.get(foldOf(query.text(), folds)).add(query);
        }
        List<Judged> pooledQueries = new ArrayList<>();
        List<List<String>> pooledRankings = new ArrayList<>();
        List<Fold> perFold = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<Q> held = byFold.get(f);
            if (held.isEmpty()) {
                continue;
            }
            List<Q> training = new ArrayList<>(queries.size() - held.size());
            for (int other = 0; other < folds; other++) {
                if (other != f) {
                    training.addAll(byFold.get(other));
                }
            }
            Ranker<Q> ranker = learner.fit(List.copyOf(training));
            List<List<String>> rankings = new ArrayList<>(held.size());
            for (Q query : held) {
                rankings.add(ranker.rank(query));
            }
            perFold.add(new Fold(f, RankScores.of(held, rankings), ranker.toString()));
            pooledQueries.addAll(held);
            pooledRankings.addAll(rankings);
        }
        return new Outcome(folds, RankScores.of(pooledQueries, pooledRankings), perFold);
    }

    /**
     * One fold's result.
     *
     * @param fitted what was learned on the other folds, as the ranker describes itself
     */
    public record Fold(int fold, RankScores scores, String fitted) {
    }

    /** The pooled figures over every held fold, and each fold's. */
    public record Outcome(int folds, RankScores pooled, List<Fold> perFold) {

        public Outcome {
            perFold = List.copyOf(perFold);
        }
    }
}
