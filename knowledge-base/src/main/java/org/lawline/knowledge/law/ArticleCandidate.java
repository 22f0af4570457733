package org.lawline.knowledge.law;

import org.lawline.knowledge.LawArticle;

/**
 * One article considered for a question, with what the ranking ({@link LawRanking}) reads of it.
 *
 * @param bm25   BM25 of the question's query ({@link LawQueries}), comparable only within one
 *               question; 0 when no word of it is in the article (found by meaning alone)
 * @param cosine the closeness of {@link ArticleVectors.ArticleVector#cosine}: the best of the
 *               whole vector's and the clauses' cosines to the question as typed; NaN when the
 *               article has no vector (a words-only index, or vectors still being computed)
 */
record ArticleCandidate(LawArticle article, double bm25, double cosine) {
}
