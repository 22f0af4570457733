/**
 * Law articles: their Lucene index and search. Internal: use
 * {@link org.lawline.knowledge.LawArticles} and {@link org.lawline.knowledge.LawArticleIndex}.
 */
package org.lawline.knowledge.law;
