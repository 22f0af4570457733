package org.lawline.knowledge.embedding;

import java.util.List;

/**
 * Turns sentences into unit-length vectors whose dot product is their cosine similarity.
 * Implementations are thread safe.
 */
public interface SentenceEmbedder {

    /** Names the model and its version: part of every cache key, so another model never reads these vectors. */
    String modelId();

    int dimensions();

    /** One vector per sentence, in order, each of length {@link #dimensions()} and norm 1. */
    List<float[]> embed(List<String> sentences);
}
