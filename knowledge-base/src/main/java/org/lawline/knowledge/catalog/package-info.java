/**
 * Where entries and offices are kept: the faq_entry table, and the bundled JSON Lines files.
 * Internal: use {@link org.lawline.knowledge.FaqEntries} and
 * {@link org.lawline.knowledge.BundledKnowledge}.
 */
package org.lawline.knowledge.catalog;
