/**
 * Sentence embeddings in this process: the bge-small-zh model, unit-vector arithmetic and the
 * on-disk vector cache, shared by the FAQ search and the law-article search. Internal to the
 * knowledge base: nothing outside this module sees vectors.
 */
package org.lawline.knowledge.embedding;
