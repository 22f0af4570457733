package org.lawline.knowledge.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.lawline.knowledge.embedding.SentenceEmbedder;
import org.lawline.knowledge.embedding.Vectors;

/** A stand-in model: a fixed 8-dimensional unit vector per sentence, counting the sentences it embeds. */
final class CountingEmbedder implements SentenceEmbedder {

    final AtomicInteger embedded = new AtomicInteger();
    private final String modelId;

    /** A model id of its own, so tests never share vectors through the process-wide memory. */
    CountingEmbedder(String modelId) {
        this.modelId = modelId;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public int dimensions() {
        return 8;
    }

    @Override
    public List<float[]> embed(List<String> sentences) {
        embedded.addAndGet(sentences.size());
        List<float[]> vectors = new ArrayList<>();
        for (String sentence : sentences) {
            float[] vector = new float[8];
            byte[] bytes = sentence.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i++) {
                vector[i % 8] += (bytes[i] & 0xff) + 1;
            }
            vectors.add(Vectors.normalized(vector));
        }
        return vectors;
    }
}
