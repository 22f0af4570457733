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
 * <p>Each message has two vectors, computed together in one call of the model (two sentences
 * side by side cost far less than two calls): its {@link Asked#meaning} as typed, which every
 * reader's thresholds were measured on, and its {@link Asked#searching} form after bge's
 * {@link #QUERY_INSTRUCTION}, by which the FAQ search finds and orders candidates (top-1 0.813
 * on faq_keywords_dev against 0.798 without it: docs/evaluation.md).
 *
 * <p>Only the vectors are kept, under the text's canonical form: no conversation, no citizen.
 * Thread safe; two threads asking for the same new text at once may both run the model.
 */
public final class QuestionVectors {

    /**
     * Messages whose vectors are kept by default: 4,096 messages' two vectors of 512 floats,
     * 16 MB, hold a long day of a city's repeated questions and every suggested question many
     * times over.
     */
    public static final int DEFAULT_CAPACITY = 4_096;

    /**
     * The instruction bge-small-zh v1.5 was trained to read before a short query that searches
     * for longer texts (its model card). Entries and articles are embedded without it, as the
     * card says; the law search reads the message without it too (it scored lower there).
     */
    public static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";

    /**
     * A message's two vectors.
     *
     * @param meaning   of the message as typed ({@link #canonical}): what the recogniser's, the
     *                  FAQ search's and the law search's thresholds were measured on, so what
     *                  confidence is computed from
     * @param searching of the message after {@link #QUERY_INSTRUCTION}, NFKC-normalised as the
     *                  FAQ's entry sentences are: what FAQ candidates are found and ordered by.
     *                  Its cosines run lower, so it is no input to confidence
     */
    public record Asked(float[] meaning, float[] searching) {
    }

    private final SentenceEmbedder embedder;
    private final int capacity;
    private final Map<String, Asked> recent;

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
            protected boolean removeEldestEntry(Map.Entry<String, Asked> eldest) {
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

    /** The vector of the message's {@link #canonical} form, as typed: kept, or computed now (with its searching form) and kept. */
    public float[] of(String message) {
        return asked(message).meaning();
    }

    /**
     * Both vectors of the message's {@link #canonical} form: kept, or computed now in one call of
     * the model (the message and its {@link #searchingForm}) and kept.
     */
    public Asked asked(String message) {
        String text = canonical(message);
        Asked vectors;
        synchronized (recent) {
            vectors = recent.get(text);
        }
        if (vectors == null) {
            // outside the lock: the model takes milliseconds and other questions must not wait for it
            List<float[]> both = embedder.embed(List.of(text, searchingForm(text)));
            vectors = new Asked(both.get(0), both.get(1));
            synchronized (recent) {
                recent.put(text, vectors);
            }
        }
        return vectors;
    }

    /** What is embedded for {@link Asked#searching}: the instruction, then the canonical text NFKC-normalised (？ → ?). */
    public static String searchingForm(String canonical) {
        return QUERY_INSTRUCTION + ChineseAnalysis.normalize(canonical);
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
