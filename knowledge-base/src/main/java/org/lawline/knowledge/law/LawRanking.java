package org.lawline.knowledge.law;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lawline.knowledge.LawArticle;
import org.lawline.knowledge.LawArticleMatch;

/**
 * How an article search turns its candidates into one ranking: a pure function of the settings
 * and the candidates ({@link #rank}), which the live search and the cross-validation of
 * {@code ./lawline eval --folds} ({@link LuceneLawArticles#learner}) both call.
 *
 * @param semanticWeight the weight of closeness in meaning beside relative BM25 (hybrid index only):
 *                       scores, not ranks, are fused
 * @param candidates     hits taken from each ranking before fusion and the chapter re-ranking
 * @param chapterShare   the weight of the chapter's relevance beside the article's own score
 */
record LawRanking(double semanticWeight, int candidates, double chapterShare) {

    /**
     * Words alone. Chapter share tuned on statute_dev: 0.2 lifted recall@3 a little, more pulled
     * top-1 down.
     */
    static final LawRanking WORDS = new LawRanking(0, 50, 0.2);

    /**
     * Words and meaning. Measured on statute_dev (361 questions, 3,410 articles) as top-1 / r3 /
     * mrr10, words alone being 0.454 / 0.598 / 0.544, with whole-article vectors only (the
     * clauses of {@link ArticleVectors#clauses} then took the chosen setting from 0.479 / 0.654 /
     * 0.583 to 0.485 / 0.665 / 0.590):
     * <ul>
     * <li>fusion: weighted scores 0.479 / 0.654 / 0.583, reciprocal ranks (k = 60) 0.449 / 0.629
     *     / 0.557 — ranks forget how sure each list is (the reciprocal-rank code is gone since);</li>
     * <li>semantic weight 0.75 / 1 / 1.25: r3 0.648 / 0.654 / 0.651 (top-1 0.479 / 0.479 /
     *     0.474); with law + chapter passages only, 0.5 to 3 gave r3 0.61 to 0.64, a flat top
     *     around 1;</li>
     * <li>candidates from each list 30 / 50 / 100: r3 0.654 / 0.654 / 0.651 — the gold
     *     article is among the fused 50 for 88 % of questions, the order is what is missed;</li>
     * <li>chapter share 0 / 0.1 / 0.2: 0.479 / 0.654 / 0.583, 0.485 / 0.640 / 0.582, 0.465 /
     *     0.640 / 0.571. The passages carry the chapter title into each vector, so articles of
     *     the right chapter already rise together; lending them the chapter's relevance once
     *     more pushed the gold article out of the first three for more questions than it
     *     helped.</li>
     * </ul>
     * Cross-validated (docs/evaluation.md, "The statute search on questions it was not tuned
     * on"): over 5 folds of statute_dev's tuning part (288 questions) every fold chose this
     * setting among those {@link #around} it, pooled top-1 / r3 / mrr10 0.500 / 0.681 / 0.604
     * (BM25 0.382 / 0.531 / 0.480); on the held-out part (73), run once, 0.425 / 0.603 / 0.536
     * (BM25 0.274 / 0.562 / 0.424). Richer rankings learned per fold (coordinate ascent and
     * pairwise logistic regression over up to 15 features: BM25 by field, whole and clause
     * cosines apart, the cosine to the instructed question, each list's reciprocal rank,
     * chapter and law counts, length, coverage, the best clause's BM25) scored no better on
     * the held folds, most of them worse: the two weights are kept.
     */
    static final LawRanking DEFAULT = new LawRanking(1.0, 50, 0);

    /** The semantic weights {@link #around} tries. */
    private static final double[] SEMANTIC_WEIGHTS = {0.5, 0.75, 1.0, 1.25, 1.5, 2.0};
    /** The chapter shares {@link #around} tries. */
    private static final double[] CHAPTER_SHARES = {0, 0.1, 0.2, 0.3};

    /**
     * The settings cross-validation chooses among (the semantic weight and the chapter share,
     * each over the range measured before), this one first so that it stays unless another
     * scores better on the training questions. The number of candidates stays: the search
     * gathers them once, and 30 to 100 changed nothing of note.
     */
    static List<LawRanking> around(LawRanking shipped) {
        List<LawRanking> settings = new ArrayList<>();
        settings.add(shipped);
        for (double semanticWeight : shipped.semanticWeight() > 0 ? SEMANTIC_WEIGHTS : new double[] {0}) {
            for (double chapterShare : CHAPTER_SHARES) {
                LawRanking setting = new LawRanking(semanticWeight, shipped.candidates(), chapterShare);
                if (!setting.equals(shipped)) {
                    settings.add(setting);
                }
            }
        }
        return List.copyOf(settings);
    }

    /**
     * The candidates as matches, best first: each one's relative BM25 and rescaled cosine
     * ({@link #fused}) plus, by {@link #chapterShare}, the relevance of its chapter (the sum of
     * its articles' fused scores, relative to the best chapter's). While no candidate has a
     * vector (a words-only index, vectors still being computed, the model failed) this ranks as
     * {@link #WORDS} does, and closeness is NaN.
     */
    List<LawArticleMatch> rank(List<ArticleCandidate> candidates) {
        boolean byMeaning = candidates.stream().anyMatch(c -> !Double.isNaN(c.cosine()));
        if (!byMeaning && !equals(WORDS)) {
            return WORDS.rank(candidates);
        }
        double[] fused = fused(candidates, byMeaning);
        double best = 0;
        for (double score : fused) {
            best = Math.max(best, score);
        }
        double top = best > 0 ? best : 1;
        Map<String, Double> chapters = new HashMap<>();
        for (int i = 0; i < fused.length; i++) {
            chapters.merge(chapterOf(candidates.get(i).article()), fused[i] / top, Double::sum);
        }
        double bestChapter = chapters.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        List<LawArticleMatch> matches = new ArrayList<>(candidates.size());
        for (int i = 0; i < fused.length; i++) {
            ArticleCandidate c = candidates.get(i);
            matches.add(new LawArticleMatch(c.article(),
                    fused[i] / top + chapterShare * chapters.get(chapterOf(c.article())) / bestChapter,
                    byMeaning ? c.cosine() : Double.NaN));
        }
        matches.sort(Comparator.comparingDouble(LawArticleMatch::score).reversed());
        return matches;
    }

    /**
     * BM25 relative to the best candidate's, plus the weighted cosine rescaled over the
     * candidates (the nearest 1, the farthest 0): bge's cosines crowd into a narrow band, so
     * their raw values say little beside a relative BM25 of 0 to 1. On statute_dev (settings of
     * {@link #DEFAULT}; top-1 / r3 / mrr10) this rescaling gave 0.479 / 0.654 / 0.583;
     * the cosine relative to the nearest's, as BM25 is, 0.463 / 0.626 / 0.561 (law + chapter
     * passages, chapter re-ranking 0.2, against 0.465 / 0.637 / 0.568 rescaled); z-scores of
     * both, weight 0.7 or 1, 0.479 / 0.657 / 0.580 and 0.479 / 0.651 / 0.581: no better for
     * more arithmetic. Feeding the first three results' vectors back into the question's
     * (Rocchio, β 0.5 or 1) lowered every figure (r3 0.637 → 0.632, 0.623).
     */
    private double[] fused(List<ArticleCandidate> candidates, boolean byMeaning) {
        double bestWords = candidates.stream().mapToDouble(ArticleCandidate::bm25).max().orElse(1);
        double nearest = candidates.stream().mapToDouble(ArticleCandidate::cosine).filter(s -> !Double.isNaN(s)).max().orElse(1);
        double farthest = candidates.stream().mapToDouble(ArticleCandidate::cosine).filter(s -> !Double.isNaN(s)).min().orElse(0);
        double spread = nearest > farthest ? nearest - farthest : 1;
        double[] fused = new double[candidates.size()];
        for (int i = 0; i < fused.length; i++) {
            ArticleCandidate c = candidates.get(i);
            double words = bestWords <= 0 ? 0 : c.bm25() / bestWords;
            double meaning = !byMeaning || Double.isNaN(c.cosine()) ? 0 : (c.cosine() - farthest) / spread;
            fused[i] = words + semanticWeight * meaning;
        }
        return fused;
    }

    private static String chapterOf(LawArticle article) {
        return article.law() + "|" + article.book() + "|" + article.chapter();
    }
}
