/**
 * Reading knowledge-base files (JSONL and CSV) row by row, within fixed sizes, into entries and
 * rejections, and law articles the same way. Internal: use {@link org.lawline.knowledge.FaqImport} and
 * {@link org.lawline.knowledge.LawArticleImport}.
 */
package org.lawline.knowledge.importing;
