package org.lawline.knowledge.tuning;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How rankings fared against gold: top-1 (the first id is any gold id), r3 (any gold id among the
 * first three) and mrr10 (the mean of 1 / the rank of the first gold id within ten, 0 when none).
 */
public record RankScores(int n, double top1, double r3, double mrr10) {

    /** Ranks read per query: MRR is cut at ten. */
    public static final int DEPTH = 10;

    /** @param rankings one ranking per query, in the queries' order, ids best first */
    public static RankScores of(List<? extends Judged> queries, List<List<String>> rankings) {
        if (queries.size() != rankings.size()) {
            throw new IllegalArgumentException(queries.size() + " queries but " + rankings.size() + " rankings");
        }
        Tally tally = new Tally();
        for (int i = 0; i < queries.size(); i++) {
            tally.add(firstGold(queries.get(i).gold(), rankings.get(i)));
        }
        return tally.scores();
    }

    /** The position (0-based) of the first gold id within {@link #DEPTH}, or -1. */
    public static int firstGold(java.util.Collection<String> gold, List<String> ranking) {
        Set<String> golden = new HashSet<>(gold);
        for (int i = 0; i < ranking.size() && i < DEPTH; i++) {
            if (golden.contains(ranking.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * What tuning maximises: top-1 plus r3, the two figures the searches are judged by, with
     * mrr10 breaking ties (it moves with every rank, so it separates settings that tie on both).
     */
    public double objective() {
        return top1 + r3 + mrr10 / 1000;
    }

    public String figures() {
        return String.format(Locale.ROOT, "n=%d top1=%.3f r3=%.3f mrr10=%.3f", n, top1, r3, mrr10);
    }

    /** Adds up queries one by one: for measurements that rank as they go. */
    public static final class Tally {
        private int n;
        private int top1;
        private int r3;
        private double reciprocal;

        /** @param firstGold as {@link RankScores#firstGold}: 0-based, or -1 when no gold id was within ten */
        public void add(int firstGold) {
            n++;
            if (firstGold == 0) {
                top1++;
            }
            if (firstGold >= 0 && firstGold < 3) {
                r3++;
            }
            if (firstGold >= 0) {
                reciprocal += 1.0 / (firstGold + 1);
            }
        }

        public RankScores scores() {
            return n == 0 ? new RankScores(0, 0, 0, 0)
                    : new RankScores(n, (double) top1 / n, (double) r3 / n, reciprocal / n);
        }
    }
}
