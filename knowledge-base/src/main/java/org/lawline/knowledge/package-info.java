/**
 * The knowledge base's public API: entries ({@link org.lawline.knowledge.FaqEntry}, kept in
 * {@link org.lawline.knowledge.FaqEntries}), search ({@link org.lawline.knowledge.FaqSearch},
 * {@link org.lawline.knowledge.FaqIndex}), import ({@link org.lawline.knowledge.FaqImport}),
 * the bundled data ({@link org.lawline.knowledge.BundledKnowledge}), the service that ties them
 * together ({@link org.lawline.knowledge.KnowledgeBase}) and its Spring wiring
 * ({@link org.lawline.knowledge.KnowledgeBaseConfiguration}). Subpackages are internal.
 */
package org.lawline.knowledge;
