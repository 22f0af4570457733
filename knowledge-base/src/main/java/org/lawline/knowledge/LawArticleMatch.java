package org.lawline.knowledge;

/**
 * One ranked law-article search result.
 *
 * @param score     the ranking score, comparable only within one search
 * @param closeness the cosine between the question's and the article's sentence vectors (the
 *                  closest of the whole article and its clauses), comparable across searches, so
 *                  a caller can decide whether an article is worth showing at all; NaN when the
 *                  article was found by words alone (vectors not computed yet, or embeddings off)
 */
public record LawArticleMatch(LawArticle article, double score, double closeness) {

    /** A match found by words alone. */
    public LawArticleMatch(LawArticle article, double score) {
        this(article, score, Double.NaN);
    }
}
