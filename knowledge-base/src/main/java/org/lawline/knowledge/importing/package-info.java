/**
 * Reading knowledge-base files (JSONL and CSV) row by row, within fixed sizes, into entries and
 * rejections. Internal: use {@link org.lawline.knowledge.FaqImport}.
 */
package org.lawline.knowledge.importing;
