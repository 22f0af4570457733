package org.lawline.knowledge.search;

import java.util.ArrayList;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.embedding.BgeSmallZh;
import org.lawline.knowledge.embedding.EmbeddingCache;
import org.lawline.knowledge.embedding.SentenceEmbedder;
import org.lawline.knowledge.embedding.Vectors;
import org.lawline.knowledge.index.HybridIndex;

/**
 * The vectors of entries and questions. An entry's vector is the normalised mean of the
 * vectors of its question and each phrasing: on the bundled entries, with one phrasing each
 * held out as the citizen's question, that mean ranked the right entry first for 59 % of them,
 * the best single sentence (max-sim over one vector document per sentence) for 47 %; one vector
 * per entry also keeps one Lucene document per entry.
 *
 * <p>Sentence vectors are kept in memory for the entries indexed now (a rebuild from the same
 * entries runs no model) and, if a cache is given, on disk (a restart runs no model). Thread
 * safe.
 */
final class EntryVectors implements HybridIndex.Model<FaqEntry, float[], EntryVectors.QuestionVectors> {

    /**
     * Sentence vectors recently computed or read in this process, by model and sentence, shared
     * by every index: a process often builds several indexes of the same entries (a rebuild
     * beside the live index, tests, the evaluation of several methods), and 4,096 sentences
     * (8 MB) hold the bundled entries several times over. Questions are never kept here.
     */
    private static final Map<String, float[]> SHARED_RECENT = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > 4_096;
                }
            });

    private final SentenceEmbedder embedder;
    private final Optional<EmbeddingCache> disk;
    private final Map<String, float[]> recent;
    /** Sentence vectors by cache key, for the sentences of the entries indexed now (and those upserted since). */
    private final Map<String, float[]> memory = new ConcurrentHashMap<>();

    private EntryVectors(SentenceEmbedder embedder, Optional<Path> folder, Map<String, float[]> recent) {
        this.embedder = embedder;
        this.disk = folder.map(f -> new EmbeddingCache(f, embedder.modelId(), embedder.dimensions()));
        this.recent = recent;
    }

    /** The vectors of the process's bge-small-zh, sharing recent sentence vectors with every other index, and kept in the folder if given. */
    static EntryVectors shared(Optional<Path> folder) {
        return new EntryVectors(BgeSmallZh.shared(), folder, SHARED_RECENT);
    }

    /** Vectors kept in memory only, sharing nothing with other instances. */
    static EntryVectors inMemory(SentenceEmbedder embedder) {
        return new EntryVectors(embedder, Optional.empty(), Collections.synchronizedMap(new HashMap<>()));
    }

    /** Vectors also kept in this folder, for the next start; shares nothing else with other instances. */
    static EntryVectors cachedIn(Path folder, SentenceEmbedder embedder) {
        return new EntryVectors(embedder, Optional.of(folder), Collections.synchronizedMap(new HashMap<>()));
    }

    int dimensions() {
        return embedder.dimensions();
    }

    /**
     * The question's vectors, in one model call: always computed, never cached (questions rarely
     * repeat word for word).
     */
    @Override
    public QuestionVectors ofQuestion(String question) {
        String read = Vocabulary.readPart(question);
        List<float[]> vectors = embedder.embed(List.of(read, QUERY_INSTRUCTION + read));
        return new QuestionVectors(vectors.get(0), vectors.get(1));
    }

    /**
     * The instruction bge-small-zh v1.5 was trained to read before a short query that searches
     * for longer texts (its model card). Entries are embedded without it, as the card says.
     */
    static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";

    /**
     * @param meaning   the question as it is: what {@link Similarity}'s thresholds were measured
     *                  on, so what confidence is computed from
     * @param searching the question after {@link #QUERY_INSTRUCTION}: what candidates are found
     *                  and ordered by. Its cosines run lower, so it is no input to confidence
     */
    record QuestionVectors(float[] meaning, float[] searching) {
    }

    /** The entry's vector if every sentence's vector is in memory or on disk; runs no model. */
    @Override
    public Optional<float[]> known(FaqEntry entry) {
        List<float[]> found = new ArrayList<>();
        for (String sentence : sentences(entry)) {
            String key = key(sentence);
            float[] vector = memory.get(key);
            if (vector == null) {
                vector = recent.get(recentKey(sentence));
                if (vector != null) {
                    remember(key, vector);
                }
            }
            if (vector == null && disk.isPresent()) {
                vector = disk.get().read(key).orElse(null);
                if (vector != null) {
                    memory.put(key, vector);
                }
            }
            if (vector == null) {
                return Optional.empty();
            }
            found.add(vector);
        }
        return Optional.of(Vectors.centroid(found));
    }

    /**
     * The vectors of the entries, in order; the sentences not known yet are embedded in one
     * batch and stored in memory and on disk.
     */
    @Override
    public List<float[]> of(List<FaqEntry> entries) {
        Map<String, String> missing = new LinkedHashMap<>(); // key → sentence
        for (FaqEntry entry : entries) {
            for (String sentence : sentences(entry)) {
                String key = key(sentence);
                if (!memory.containsKey(key) && !missing.containsKey(key)) {
                    float[] remembered = recent.get(recentKey(sentence));
                    if (remembered != null) {
                        remember(key, remembered);
                        continue;
                    }
                    Optional<float[]> cached = disk.flatMap(d -> d.read(key));
                    if (cached.isPresent()) {
                        memory.put(key, cached.get());
                    } else {
                        missing.put(key, sentence);
                    }
                }
            }
        }
        List<String> sentences = List.copyOf(missing.values());
        List<float[]> computed = embedder.embed(sentences);
        int i = 0;
        for (String key : missing.keySet()) {
            float[] vector = computed.get(i);
            recent.put(recentKey(sentences.get(i++)), vector);
            memory.put(key, vector);
            disk.ifPresent(d -> d.write(key, vector));
        }
        List<float[]> vectors = new ArrayList<>(entries.size());
        for (FaqEntry entry : entries) {
            vectors.add(Vectors.centroid(sentences(entry).stream().map(s -> memory.get(key(s))).toList()));
        }
        return vectors;
    }

    /** Forgets, in memory, the sentences of entries not among these (disk keeps them). */
    @Override
    public void retainOnly(Collection<FaqEntry> entries) {
        Set<String> keep = new HashSet<>();
        for (FaqEntry entry : entries) {
            for (String sentence : sentences(entry)) {
                keep.add(key(sentence));
            }
        }
        memory.keySet().retainAll(keep);
    }

    /** What an entry's vector is made of: the ways it is asked, not its answer. */
    private static List<String> sentences(FaqEntry entry) {
        List<String> sentences = new ArrayList<>(1 + entry.phrasings().size());
        sentences.add(Vocabulary.normalize(entry.question()));
        for (String phrasing : entry.phrasings()) {
            sentences.add(Vocabulary.normalize(phrasing));
        }
        return sentences;
    }

    /** Keeps a vector another index of this process computed, and saves it for the next start if this index has a cache. */
    private void remember(String key, float[] vector) {
        memory.put(key, vector);
        disk.ifPresent(d -> d.writeIfAbsent(key, vector));
    }

    private String recentKey(String sentence) {
        return embedder.modelId() + "\n" + sentence;
    }

    private String key(String sentence) {
        return disk.map(d -> d.key(sentence)).orElseGet(() -> embedder.modelId() + "\n" + sentence);
    }
}
