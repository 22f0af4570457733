package org.lawline.knowledge.embedding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lawline.knowledge.analysis.ChineseAnalysis;

/**
 * The sentence vector of a citizen's message, computed once and read by everything that reads a
 * message by meaning: the intent recogniser ({@link SoftmaxClassifiers}), the FAQ search and the
 * law-article search. Each asks for the vector of the same {@link #canonical} text, so a turn
 * runs the model once, however many of them look; and the vectors of recent messages are kept,
 * least recently used first out, because citizens send the same things over and over ("人工",
 * "在吗", the web page's suggested questions, the everyday questions of 12348).
 *
 * <p>Only the vector is kept, under the text's canonical form: no conversation, no citizen.
 * Thread safe; two threads asking for the same new text at once may both run the model.
 */
public final class QuestionVectors {

    /**
     * Messages whose vectors are kept by default: 4,096 vectors of 512 floats, 8 MB, hold a
     * long day of a city's repeated questions and every suggested question many times over.
     */
    public static final int DEFAULT_CAPACITY = 4_096;

    private final SentenceEmbedder embedder;
    private final int capacity;
    private final Map<String, float[]> recent;

    /**
     * @param capacity how many messages' vectors are kept; at least 1, so that every reader of
     *                 one turn finds the vector its first reader computed
     */
    public QuestionVectors(SentenceEmbedder embedder, int capacity) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        if (capacity < 1) {
            throw new IllegalArgumentException("lawline.knowledge.embeddings.recent-questions must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.recent = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > QuestionVectors.this.capacity;
            }
        };
    }

    /** The process's bge-small-zh with {@link #DEFAULT_CAPACITY}, shared by every index and classifier made without one of their own. */
    public static QuestionVectors shared() {
        return Holder.INSTANCE;
    }

    /**
     * What is embedded of a message: its first {@value ChineseAnalysis#MAX_QUESTION_CHARS}
     * characters, stripped, as the citizen typed them. Not NFKC-normalised (？ → ?) as the FAQ's
     * entry sentences are: the intent recogniser's emergency threshold and the law search's
     * closeness were calibrated on messages as typed, and normalising them cost one held-out
     * emergency of 77 (recall 0.948 → 0.935).
     */
    public static String canonical(String message) {
        return ChineseAnalysis.head(message.strip()).strip();
    }

    /** The vector of the message's {@link #canonical} form: kept, or computed now and kept. */
    public float[] of(String message) {
        String text = canonical(message);
        float[] vector;
        synchronized (recent) {
            vector = recent.get(text);
        }
        if (vector == null) {
            // outside the lock: the model takes milliseconds and other questions must not wait for it
            vector = embedder.embed(List.of(text)).get(0);
            synchronized (recent) {
                recent.put(text, vector);
            }
        }
        return vector;
    }

    /** How many messages' vectors are kept now; never more than the capacity. */
    public int size() {
        synchronized (recent) {
            return recent.size();
        }
    }

    public int capacity() {
        return capacity;
    }

    /** The model the vectors come from. */
    public SentenceEmbedder embedder() {
        return embedder;
    }

    /** Made on first use, and only once. */
    private static final class Holder {
        static final QuestionVectors INSTANCE = new QuestionVectors(BgeSmallZh.shared(), DEFAULT_CAPACITY);
    }
}
