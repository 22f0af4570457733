package org.lawline.knowledge.embedding;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sentence vectors recently computed or read in this process, by model and sentence, shared by
 * every FAQ index and by the intent classifier's training: a process often builds several
 * indexes of the same entries (a rebuild beside the live index, tests, the evaluation of several
 * methods), and the classifier learns "a legal question" from those same questions and
 * phrasings. 4,096 sentences (8 MB) hold the bundled entries several times over. Citizens'
 * messages are kept apart, in {@link QuestionVectors}. Thread safe.
 */
public final class RecentSentences {

    private static final int CAPACITY = 4_096;
    private static final Map<String, float[]> RECENT = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > CAPACITY;
                }
            });

    private RecentSentences() {
    }

    /** The process's recent sentence vectors, by {@link #key}. */
    public static Map<String, float[]> shared() {
        return RECENT;
    }

    /** A sentence's key: another model's vector of it never answers. */
    public static String key(String modelId, String sentence) {
        return modelId + "\n" + sentence;
    }
}
