/**
 * Lucene search over knowledge-base entries: Chinese analysis (smartcn with our stop words and
 * synonyms), the in-memory index, queries built in code, and the confidence of a match.
 * Internal: use {@link org.lawline.knowledge.FaqIndex}.
 */
package org.lawline.knowledge.search;
