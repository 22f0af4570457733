package org.lawline.knowledge.law;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lawline.knowledge.LawArticle;
import org.lawline.knowledge.embedding.BgeSmallZh;
import org.lawline.knowledge.embedding.EmbeddingCache;
import org.lawline.knowledge.embedding.SentenceEmbedder;
import org.lawline.knowledge.embedding.Vectors;

/**
 * The vectors of articles and questions. An article's vector is the normalised mean of its
 * passages' ({@link #passages}); passages' vectors are kept in memory for the articles indexed now (a
 * rebuild from the same articles runs no model) and, if a cache folder is given, on disk by
 * content hash (a restart runs no model). Thread safe.
 */
final class ArticleVectors {

    private final SentenceEmbedder embedder;
    private final Optional<EmbeddingCache> disk;
    /** Passage vectors by passage, for the articles indexed now. */
    private final Map<String, float[]> memory = new ConcurrentHashMap<>();

    ArticleVectors(SentenceEmbedder embedder, Optional<Path> cacheFolder) {
        this.embedder = embedder;
        this.disk = cacheFolder.map(f -> new EmbeddingCache(f, embedder.modelId(), embedder.dimensions()));
    }

    /** The process's bge-small-zh, passage vectors also kept in this folder if given. */
    static ArticleVectors bgeSmallZh(Optional<Path> cacheFolder) {
        return new ArticleVectors(BgeSmallZh.shared(), cacheFolder);
    }

    /**
     * The question's vector: always computed (questions rarely repeat word for word), from the
     * question as written (passages are not NFKC-normalised either), without
     * bge-small-zh's retrieval instruction (为这个句子生成表示以用于检索相关文章：), which its model
     * card suggests before short queries: on statute_dev, with the settings of
     * {@link LawRanking#DEFAULT}, it took top-1 0.479 → 0.465, r3 0.654 → 0.643, mrr10 0.583 →
     * 0.571 (and lowered all three with law and chapter passages only, and with the chapter
     * re-ranking at 0.2 too).
     */
    float[] ofQuestion(String question) {
        return embedder.embed(List.of(LawQueries.head(question))).get(0);
    }

    /** The article's vector if the vector of each of its passages is in memory or on disk; runs no model. */
    Optional<float[]> known(LawArticle article) {
        List<float[]> found = new ArrayList<>();
        for (String passage : passages(article)) {
            Optional<float[]> vector = knownPassage(passage);
            if (vector.isEmpty()) {
                return Optional.empty();
            }
            found.add(vector.get());
        }
        return Optional.of(Vectors.centroid(found));
    }

    private Optional<float[]> knownPassage(String passage) {
        float[] vector = memory.get(passage);
        if (vector == null && disk.isPresent()) {
            vector = disk.get().read(disk.get().key(passage)).orElse(null);
            if (vector != null) {
                memory.put(passage, vector);
            }
        }
        return Optional.ofNullable(vector);
    }

    /** The vectors of the articles, in order; passages not known yet are embedded in one batch and kept. */
    List<float[]> of(List<LawArticle> articles) {
        Set<String> missing = new LinkedHashSet<>();
        for (LawArticle article : articles) {
            for (String passage : passages(article)) {
                if (!missing.contains(passage) && knownPassage(passage).isEmpty()) {
                    missing.add(passage);
                }
            }
        }
        List<String> batch = List.copyOf(missing);
        List<float[]> computed = embedder.embed(batch);
        for (int i = 0; i < batch.size(); i++) {
            String passage = batch.get(i);
            float[] vector = computed.get(i);
            memory.put(passage, vector);
            disk.ifPresent(d -> d.write(d.key(passage), vector));
        }
        return articles.stream()
                .map(a -> Vectors.centroid(passages(a).stream().map(memory::get).toList()))
                .toList();
    }

    /** Forgets, in memory, the passages of articles not among these (disk keeps them). */
    void retainOnly(Collection<LawArticle> articles) {
        Set<String> keep = new HashSet<>();
        for (LawArticle article : articles) {
            keep.addAll(passages(article));
        }
        memory.keySet().retainAll(keep);
    }

    /**
     * What an article's vector is the normalised mean of: its text with its law's short name and
     * chapter title before it, so an article that says only 前款规定的 … still carries its topic;
     * and its text alone, so a question about the matter itself is not drowned by the context.
     * On statute_dev (weighted fusion, weight 1, 50 candidates, no chapter re-ranking), as
     * top-1 / r3 / mrr10: text alone 0.424 / 0.576 / 0.517 by meaning alone; fused, text alone
     * 0.465 / 0.634 / 0.567 and law + chapter + text 0.454 / 0.645 / 0.568 (both with the chapter
     * re-ranking at 0.2 for the first); the mean of both 0.479 / 0.654 / 0.583; adding a third
     * passage with book and article number changed nothing of note (0.468 / 0.654 / 0.577).
     */
    static List<String> passages(LawArticle article) {
        String law = LawQueries.shortName(article.law());
        String chapter = LawQueries.title(article.chapter());
        String context = chapter.isEmpty() ? law : law + " " + chapter;
        return List.of(context + "：" + article.text(), article.text());
    }
}
