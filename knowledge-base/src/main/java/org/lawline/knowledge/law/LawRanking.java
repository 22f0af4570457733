package org.lawline.knowledge.law;

/**
 * How an article search turns its candidates into one ranking; package-private so measurements
 * can compare settings on one index.
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
     */
    static final LawRanking DEFAULT = new LawRanking(1.0, 50, 0);
}
