package org.lawline.knowledge.embedding;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in model: a fixed 8-dimensional unit vector per sentence, counting the sentences it
 * embeds and the calls. {@link #holdingBatches} makes one that keeps every call of more than one
 * sentence waiting until {@link #release}, unless it is a question's (which carries the question
 * after {@link QuestionVectors#QUERY_INSTRUCTION}): an index build's batches, never a question.
 */
public final class CountingEmbedder implements SentenceEmbedder {

    private final AtomicInteger embedded = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final String modelId;
    private final CountDownLatch batchesAllowed;

    /** A model id of its own, so tests never share vectors by cache key or through the process-wide memory. */
    public CountingEmbedder(String modelId) {
        this(modelId, new CountDownLatch(0));
    }

    private CountingEmbedder(String modelId, CountDownLatch batchesAllowed) {
        this.modelId = modelId;
        this.batchesAllowed = batchesAllowed;
    }

    public static CountingEmbedder holdingBatches(String modelId) {
        return new CountingEmbedder(modelId, new CountDownLatch(1));
    }

    public void release() {
        batchesAllowed.countDown();
    }

    /** Sentences embedded so far. */
    public int embedded() {
        return embedded.get();
    }

    /** Calls of {@link #embed} so far, of however many sentences. */
    public int calls() {
        return calls.get();
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
        boolean question = sentences.stream().anyMatch(s -> s.startsWith(QuestionVectors.QUERY_INSTRUCTION));
        if (sentences.size() > 1 && !question) {
            try {
                batchesAllowed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while held", e);
            }
        }
        calls.incrementAndGet();
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
