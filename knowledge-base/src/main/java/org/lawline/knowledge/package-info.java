/**
 * The knowledge base's public API: entries ({@link org.lawline.knowledge.FaqEntry}, kept in
 * {@link org.lawline.knowledge.FaqEntries}), search ({@link org.lawline.knowledge.FaqSearch},
 * {@link org.lawline.knowledge.FaqIndex}), import ({@link org.lawline.knowledge.FaqImport}),
 * administration ({@link org.lawline.knowledge.EntryRecord}, {@link org.lawline.knowledge.EntryChange}),
 * law articles ({@link org.lawline.knowledge.LawArticle}, {@link org.lawline.knowledge.LawArticles},
 * {@link org.lawline.knowledge.LawArticleIndex}, {@link org.lawline.knowledge.LawArticleStore},
 * {@link org.lawline.knowledge.LawArticleImport}), the evaluation
 * ({@link org.lawline.knowledge.SearchEvaluation}),
 * the bundled data ({@link org.lawline.knowledge.BundledKnowledge}), the service that ties them
 * together ({@link org.lawline.knowledge.KnowledgeBase}) and its wiring, the one place that
 * chooses implementations: {@link org.lawline.knowledge.KnowledgeBaseConfiguration} for Spring,
 * {@link org.lawline.knowledge.KnowledgeWiring} for code without an application context.
 * Subpackages are internal.
 */
package org.lawline.knowledge;
