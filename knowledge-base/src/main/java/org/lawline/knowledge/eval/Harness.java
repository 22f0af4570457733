package org.lawline.knowledge.eval;

import java.util.List;
import java.util.Optional;
import org.lawline.knowledge.tuning.RankScores;

/**
 * Runs a method over labelled queries and scores it: top-1 (the first result is any gold id),
 * recall@3 (any gold id in the first three), MRR@10 (the mean over queries of 1 / the rank of
 * the first gold id within ten, 0 when none), and, for a method that gives a confidence, the
 * precision of declining to answer below a threshold.
 */
public final class Harness {

    /** Results read per query: MRR is cut at ten. */
    public static final int DEPTH = RankScores.DEPTH;

    private Harness() {
    }

    /** What one method scored. */
    public record Score(int n, double top1, double r3, double mrr10, Optional<NoAnswer> noAnswer) {
    }

    /**
     * How declining worked out: the queries whose best result had a confidence below the
     * threshold (or that had no result), and the share of them where declining was right
     * because the first result was not gold (or the query had no gold).
     */
    public record NoAnswer(double threshold, int declined, double precision) {
    }

    /** Told after each query, to show progress. */
    @FunctionalInterface
    public interface Progress {
        void measured(int done, int total);
    }

    public static Score measure(List<LabelledQuery> queries, Retriever method, double declineBelow, Progress progress) {
        RankScores.Tally tally = new RankScores.Tally();
        int declined = 0;
        int rightlyDeclined = 0;
        boolean confident = false;
        int done = 0;
        for (LabelledQuery query : queries) {
            List<Retriever.Ranked> ranked = method.rank(query.text(), DEPTH);
            int first = RankScores.firstGold(query.gold(), ranked.stream().map(Retriever.Ranked::id).toList());
            tally.add(first);
            double best = ranked.isEmpty() ? 0 : ranked.get(0).confidence();
            if (!ranked.isEmpty() && !Double.isNaN(best)) {
                confident = true;
            }
            if (ranked.isEmpty() || best < declineBelow) {
                declined++;
                if (first != 0) {
                    rightlyDeclined++;
                }
            }
            progress.measured(++done, queries.size());
        }
        Optional<NoAnswer> noAnswer = confident
                ? Optional.of(new NoAnswer(declineBelow, declined, declined == 0 ? 1.0 : (double) rightlyDeclined / declined))
                : Optional.empty();
        RankScores scores = tally.scores();
        return new Score(scores.n(), scores.top1(), scores.r3(), scores.mrr10(), noAnswer);
    }
}
