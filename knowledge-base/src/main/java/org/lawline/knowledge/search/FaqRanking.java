package org.lawline.knowledge.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.lawline.knowledge.FaqMatch;

/**
 * How a search orders its candidates and how sure each one is: a pure function of their
 * {@link FaqFeatures}, the same for the live search and for measuring or tuning the order.
 *
 * <p>Where the entry's meaning is known, the order is a weighted sum of {@link Term terms};
 * searched by words alone (or before an entry's vector is computed), it is
 * {@link FaqFeatures#rankCoverage} plus {@link #KEYWORD_RELEVANCE_SHARE} × relative BM25. The
 * confidence never depends on the weights: {@link Similarity#confidence} of word coverage and the
 * plain cosine, or the coverage alone without a vector.
 */
public final class FaqRanking {

    /** What the order weighs, each a number from a candidate's features. */
    public enum Term {
        /** BM25 over the best hit's: a short entry sharing one rare word can beat one covering the whole question. */
        RELEVANCE(f -> f.relevance()),
        /** The part of that scored in the entry's question and phrasings. */
        ASKED_RELEVANCE(f -> f.askedRelevance()),
        /** Of the question's words, the idf-weighted share the entry holds anywhere ({@link Coverage.Score#questionShare}). */
        QUESTION_SHARE(f -> f.questionShare()),
        /** The same times entry coverage: whether the entry's question as a whole is the one asked. */
        RANK_COVERAGE(f -> f.rankCoverage()),
        /** {@link Similarity#closeness} of the instructed question to the entry. */
        CLOSENESS(f -> Similarity.closeness(f.searchCosine())),
        /** The cosine of the question as typed to the entry, unclamped. */
        COSINE(f -> f.cosine()),
        /** The share of a keyword query's keywords the entry holds verbatim. */
        KEYWORDS_HELD(f -> f.keywordsHeld()),
        /** The same, in the entry's question or phrasings. */
        KEYWORDS_ASKED(f -> f.keywordsAsked()),
        /** 1 / (1 + place in the nearest-vector list), 0 when not there. */
        SEMANTIC_PLACE(f -> f.semanticRank() < 0 ? 0 : 1.0 / (1 + f.semanticRank()));

        private final ToDoubleFunction<FaqFeatures> value;

        Term(ToDoubleFunction<FaqFeatures> value) {
            this.value = value;
        }

        public double of(FaqFeatures features) {
            return value.applyAsDouble(features);
        }
    }

    /**
     * By words alone, the weight of BM25 relevance (as a share of the best hit's) beside
     * {@link FaqFeatures#rankCoverage}: BM25 alone let a short entry that shares one rare word
     * beat an entry that covers the whole question; coverage alone cannot order entries that
     * cover equally.
     */
    static final double KEYWORD_RELEVANCE_SHARE = 0.5;

    /** The order searches use. */
    public static final FaqRanking SHIPPED = of(Term.QUESTION_SHARE, 1.0, Term.RELEVANCE, 0.5, Term.CLOSENESS, 1.5);

    private final double[] weights;

    private FaqRanking(double[] weights) {
        if (weights.length != Term.values().length) {
            throw new IllegalArgumentException("One weight per term: " + Term.values().length);
        }
        this.weights = weights.clone();
    }

    /** A ranking with these weights, one per {@link Term}, in the terms' order. */
    public static FaqRanking weighing(double[] weights) {
        return new FaqRanking(weights);
    }

    /** A ranking weighing the named terms (term, weight, term, weight, …), the others 0. */
    static FaqRanking of(Object... termsAndWeights) {
        double[] weights = new double[Term.values().length];
        for (int i = 0; i < termsAndWeights.length; i += 2) {
            weights[((Term) termsAndWeights[i]).ordinal()] = ((Number) termsAndWeights[i + 1]).doubleValue();
        }
        return new FaqRanking(weights);
    }

    /** The weights, one per {@link Term}, in the terms' order. */
    public double[] weights() {
        return weights.clone();
    }

    /** The order score of a candidate: higher first; comparable only within one search. */
    public double score(FaqFeatures features) {
        if (!features.meaningKnown()) {
            return features.rankCoverage() + KEYWORD_RELEVANCE_SHARE * features.relevance();
        }
        double score = 0;
        for (Term term : Term.values()) {
            double weight = weights[term.ordinal()];
            if (weight != 0) {
                score += weight * term.of(features);
            }
        }
        return score;
    }

    /** How sure the candidate is as an answer, from 0 to 1, whatever the weights. */
    public static double confidence(FaqFeatures features) {
        return features.meaningKnown() ? Similarity.confidence(features.coverage(), features.cosine()) : features.coverage();
    }

    /** The best {@code limit} candidates, best first, as matches. */
    public List<FaqMatch> matches(List<FaqCandidate> candidates, int limit) {
        List<FaqMatch> ranked = new ArrayList<>(candidates.size());
        for (FaqCandidate c : candidates) {
            ranked.add(new FaqMatch(c.entry(), score(c.features()), confidence(c.features())));
        }
        ranked.sort(Comparator.comparingDouble(FaqMatch::score).reversed());
        return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
    }

    /** The candidates' entry ids, best first: the order {@link #matches} gives. */
    public List<String> order(List<FaqCandidate> candidates) {
        return matches(candidates, candidates.size()).stream().map(m -> m.entry().id()).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FaqRanking ranking && Arrays.equals(weights, ranking.weights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("FaqRanking[");
        for (Term term : Term.values()) {
            if (weights[term.ordinal()] != 0) {
                text.append(String.format(Locale.ROOT, " %s=%.3f", term, weights[term.ordinal()]));
            }
        }
        return text.append(" ]").toString();
    }
}
