/**
 * The evaluation harness: labelled queries, the BM25 baseline, scoring. Internal: use
 * {@link org.lawline.knowledge.SearchEvaluation}.
 */
package org.lawline.knowledge.eval;
