package org.lawline.knowledge.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Learns by trying each of a list of settings on the training queries and keeping the one that
 * scores best ({@link RankScores#objective}); the first listed wins a tie, so list the current
 * setting first to move only for a gain.
 *
 * @param <S> one setting of the ranking (a record of its weights, say)
 */
public final class GridSearch<Q extends Judged, S> implements CrossValidation.Learner<Q> {

    private final List<S> settings;
    private final BiFunction<Q, S, List<String>> rank;

    /** @param rank the ranking of a query's documents under a setting, ids best first */
    public GridSearch(List<S> settings, BiFunction<Q, S, List<String>> rank) {
        if (settings.isEmpty()) {
            throw new IllegalArgumentException("a grid search needs at least one setting");
        }
        this.settings = List.copyOf(settings);
        this.rank = rank;
    }

    /** The setting that scores best on these queries. */
    public S best(List<Q> training) {
        S best = settings.get(0);
        double bestObjective = Double.NEGATIVE_INFINITY;
        for (S setting : settings) {
            List<List<String>> rankings = new ArrayList<>(training.size());
            for (Q query : training) {
                rankings.add(rank.apply(query, setting));
            }
            double objective = RankScores.of(training, rankings).objective();
            if (objective > bestObjective) {
                best = setting;
                bestObjective = objective;
            }
        }
        return best;
    }

    @Override
    public CrossValidation.Ranker<Q> fit(List<Q> training) {
        S chosen = best(training);
        return new CrossValidation.Ranker<>() {
            @Override
            public List<String> rank(Q query) {
                return rank.apply(query, chosen);
            }

            @Override
            public String toString() {
                return String.valueOf(chosen);
            }
        };
    }
}
