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
import org.lawline.knowledge.embedding.EmbeddingCache;
import org.lawline.knowledge.embedding.QuestionVectors;
import org.lawline.knowledge.embedding.RecentSentences;
import org.lawline.knowledge.embedding.SentenceEmbedder;
import org.lawline.knowledge.embedding.Vectors;
import org.lawline.knowledge.index.HybridIndex;

/**
 * The vectors of entries and questions. An entry's {@link EntryVector#asked asked} vector is the
 * normalised mean of the vectors of its question and each phrasing: on the bundled entries, with
 * one phrasing each held out as the citizen's question, that mean ranked the right entry first for
 * 59 % of them, the best single sentence (max-sim over one vector document per sentence) for 47 %;
 * one such vector per entry also keeps one Lucene document per entry. Its
 * {@link EntryVector#whole whole} vector is that of its question followed by its answer, as one
 * text (bge-small-zh reads at most 512 tokens of it): keyword queries name the concepts an answer
 * explains, and beside the asked vector it lifted cross-validated top-1 on faq_keywords_dev
 * (docs/evaluation.md). It costs one model call a long text per entry, once: it is cached like the
 * sentences.
 *
 * <p>Sentence vectors are kept in memory for the entries indexed now (a rebuild from the same
 * entries runs no model) and, if a cache is given, on disk (a restart runs no model). Thread
 * safe.
 */
final class EntryVectors implements HybridIndex.Model<FaqEntry, EntryVector, QuestionVectors.Asked> {

    private final SentenceEmbedder embedder;
    private final QuestionVectors questions;
    private final Optional<EmbeddingCache> disk;
    private final Map<String, float[]> recent;
    /** Sentence vectors by cache key, for the sentences of the entries indexed now (and those upserted since). */
    private final Map<String, float[]> memory = new ConcurrentHashMap<>();

    private EntryVectors(QuestionVectors questions, Optional<Path> folder, Map<String, float[]> recent) {
        this.embedder = questions.embedder();
        this.questions = questions;
        this.disk = folder.map(f -> new EmbeddingCache(f, embedder.modelId(), embedder.dimensions()));
        this.recent = recent;
    }

    /**
     * The vectors of the questions' model, sharing recent sentence vectors with every other
     * index ({@link RecentSentences}), and kept in the folder if given.
     */
    static EntryVectors shared(QuestionVectors questions, Optional<Path> folder) {
        return new EntryVectors(questions, folder, RecentSentences.shared());
    }

    /** Vectors kept in memory only, sharing nothing with other instances. */
    static EntryVectors inMemory(SentenceEmbedder embedder) {
        return new EntryVectors(new QuestionVectors(embedder, QuestionVectors.DEFAULT_CAPACITY), Optional.empty(),
                Collections.synchronizedMap(new HashMap<>()));
    }

    /** Vectors also kept in this folder, for the next start; shares nothing else with other instances. */
    static EntryVectors cachedIn(Path folder, SentenceEmbedder embedder) {
        return new EntryVectors(new QuestionVectors(embedder, QuestionVectors.DEFAULT_CAPACITY), Optional.of(folder),
                Collections.synchronizedMap(new HashMap<>()));
    }

    int dimensions() {
        return embedder.dimensions();
    }

    /**
     * The question's vectors, those its turn shares with the intent recogniser and the law
     * search ({@link QuestionVectors}): computed once, in one model call, and kept a while. Its
     * {@link QuestionVectors.Asked#meaning meaning} (as typed) gives candidates' confidence; its
     * {@link QuestionVectors.Asked#searching searching} form (after bge's query instruction)
     * finds and orders them, which lifted top-1 on faq_keywords_dev from 0.798 to 0.813
     * (docs/evaluation.md).
     */
    @Override
    public QuestionVectors.Asked ofQuestion(String question) {
        return questions.asked(question);
    }

    /** The entry's vectors if every text's vector is in memory or on disk; runs no model. */
    @Override
    public Optional<EntryVector> known(FaqEntry entry) {
        List<float[]> found = new ArrayList<>();
        for (String sentence : texts(entry)) {
            String key = key(sentence);
            float[] vector = memory.get(key);
            if (vector == null) {
                vector = recent.get(RecentSentences.key(embedder.modelId(), sentence));
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
        return Optional.of(assembled(found));
    }

    /**
     * The vectors of the entries, in order; the sentences not known yet are embedded in one
     * batch and stored in memory and on disk.
     */
    @Override
    public List<EntryVector> of(List<FaqEntry> entries) {
        Map<String, String> missing = new LinkedHashMap<>(); // key → sentence
        for (FaqEntry entry : entries) {
            for (String sentence : texts(entry)) {
                String key = key(sentence);
                if (!memory.containsKey(key) && !missing.containsKey(key)) {
                    float[] remembered = recent.get(RecentSentences.key(embedder.modelId(), sentence));
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
            recent.put(RecentSentences.key(embedder.modelId(), sentences.get(i++)), vector);
            memory.put(key, vector);
            disk.ifPresent(d -> d.write(key, vector));
        }
        List<EntryVector> vectors = new ArrayList<>(entries.size());
        for (FaqEntry entry : entries) {
            vectors.add(assembled(texts(entry).stream().map(s -> memory.get(key(s))).toList()));
        }
        return vectors;
    }

    /** Forgets, in memory, the sentences of entries not among these (disk keeps them). */
    @Override
    public void retainOnly(Collection<FaqEntry> entries) {
        Set<String> keep = new HashSet<>();
        for (FaqEntry entry : entries) {
            for (String sentence : texts(entry)) {
                keep.add(key(sentence));
            }
        }
        memory.keySet().retainAll(keep);
    }

    /**
     * What an entry's vectors are made of, each text embedded apart: the ways it is asked
     * (question, then each phrasing), then the whole entry, its question followed by its answer.
     */
    private static List<String> texts(FaqEntry entry) {
        List<String> texts = new ArrayList<>(2 + entry.phrasings().size());
        texts.add(Vocabulary.normalize(entry.question()));
        for (String phrasing : entry.phrasings()) {
            texts.add(Vocabulary.normalize(phrasing));
        }
        texts.add(Vocabulary.normalize(entry.question() + "\n" + entry.answer()));
        return texts;
    }

    /** The entry's vectors from those of its {@link #texts}, in that order. */
    private static EntryVector assembled(List<float[]> vectors) {
        List<float[]> asked = vectors.subList(0, vectors.size() - 1);
        return new EntryVector(Vectors.centroid(asked), vectors.get(vectors.size() - 1));
    }

    /** Keeps a vector another index of this process computed, and saves it for the next start if this index has a cache. */
    private void remember(String key, float[] vector) {
        memory.put(key, vector);
        disk.ifPresent(d -> d.writeIfAbsent(key, vector));
    }

    private String key(String sentence) {
        return disk.map(d -> d.key(sentence)).orElseGet(() -> embedder.modelId() + "\n" + sentence);
    }
}
