package org.lawline.knowledge;

/**
 * One ranked law-article search result.
 *
 * @param score the ranking score, comparable only within one search
 */
public record LawArticleMatch(LawArticle article, double score) {
}
