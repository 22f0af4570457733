/**
 * Where entries, law articles and offices are kept: the faq_entry and law_article tables, and the
 * bundled office directory's JSON Lines. Internal: use {@link org.lawline.knowledge.FaqEntries},
 * {@link org.lawline.knowledge.LawArticleStore} and {@link org.lawline.knowledge.BundledKnowledge}.
 */
package org.lawline.knowledge.catalog;
