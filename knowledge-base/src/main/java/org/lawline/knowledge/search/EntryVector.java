package org.lawline.knowledge.search;

/**
 * An entry's vectors ({@link EntryVectors}), unit length.
 *
 * @param asked the mean of its question's and phrasings' vectors: what finds it by meaning, and
 *              what its closeness and confidence are measured against
 * @param whole the vector of its question followed by its answer (as far as the model reads), for
 *              ordering: a keyword query names concepts the answer explains
 */
record EntryVector(float[] asked, float[] whole) {
}
