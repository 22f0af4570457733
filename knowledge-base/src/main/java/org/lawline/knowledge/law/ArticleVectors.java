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
import java.util.regex.Pattern;
import org.lawline.knowledge.LawArticle;
import org.lawline.knowledge.embedding.EmbeddingCache;
import org.lawline.knowledge.embedding.QuestionVectors;
import org.lawline.knowledge.embedding.SentenceEmbedder;
import org.lawline.knowledge.embedding.Vectors;
import org.lawline.knowledge.index.HybridIndex;

/**
 * The vectors of articles and questions. An article's vector is the normalised mean of its
 * passages' ({@link #passages}), beside one vector per clause ({@link #clauses}); sentence
 * vectors are kept in memory for the articles indexed now (a rebuild from the same articles runs
 * no model) and, if a cache folder is given, on disk by content hash (a restart runs no model).
 * Thread safe.
 */
final class ArticleVectors implements HybridIndex.Model<LawArticle, ArticleVectors.ArticleVector, float[]> {

    /** Shorter fragments (一、 (二) …) name no matter of their own. */
    static final int MIN_CLAUSE_CHARS = 6;
    private static final Pattern CLAUSE_END = Pattern.compile("(?<=[。；])|\\n");

    private final SentenceEmbedder embedder;
    private final QuestionVectors questions;
    private final Optional<EmbeddingCache> disk;
    /** Sentence vectors by sentence, for the articles indexed now. */
    private final Map<String, float[]> memory = new ConcurrentHashMap<>();

    ArticleVectors(SentenceEmbedder embedder, Optional<Path> cacheFolder) {
        this(new QuestionVectors(embedder, QuestionVectors.DEFAULT_CAPACITY), cacheFolder);
    }

    /** Questions embedded by (and their vectors shared through) these question vectors, whose model also embeds the articles. */
    ArticleVectors(QuestionVectors questions, Optional<Path> cacheFolder) {
        this.embedder = questions.embedder();
        this.questions = questions;
        this.disk = cacheFolder.map(f -> new EmbeddingCache(f, embedder.modelId(), embedder.dimensions()));
    }

    /** The model of these question vectors, passage vectors also kept in this folder if given. */
    static ArticleVectors of(QuestionVectors questions, Optional<Path> cacheFolder) {
        return new ArticleVectors(questions, cacheFolder);
    }

    /**
     * The question's vector: the one its turn shares with the intent recogniser and the FAQ
     * search ({@link QuestionVectors}, as written: passages are not NFKC-normalised either), computed once
     * and kept a while. Without bge-small-zh's retrieval instruction (为这个句子生成表示以用于检索相关文章：),
     * which its model card suggests before short queries: on statute_dev, with the settings of
     * {@link LawRanking#DEFAULT} and whole-article vectors only, it took top-1 0.479 → 0.465, r3 0.654 → 0.643, mrr10 0.583 →
     * 0.571 (and lowered all three with law and chapter passages only, and with the chapter
     * re-ranking at 0.2 too). On statute_dev's tuning part it did not help either: as a third
     * score beside the plain cosine, learned per fold, cross-validated top-1 / r3 0.500 / 0.677
     * against 0.500 / 0.681; in the plain cosine's place 0.497 / 0.663; its 50 nearest added to
     * the candidates, nothing changed (docs/evaluation.md).
     */
    @Override
    public float[] ofQuestion(String question) {
        return questions.of(question);
    }

    /** The article's vectors if the vector of each of its sentences is in memory or on disk; runs no model. */
    @Override
    public Optional<ArticleVector> known(LawArticle article) {
        for (String sentence : sentences(article)) {
            if (knownSentence(sentence).isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(assemble(article));
    }

    private Optional<float[]> knownSentence(String sentence) {
        float[] vector = memory.get(sentence);
        if (vector == null && disk.isPresent()) {
            vector = disk.get().read(disk.get().key(sentence)).orElse(null);
            if (vector != null) {
                memory.put(sentence, vector);
            }
        }
        return Optional.ofNullable(vector);
    }

    /** The vectors of the articles, in order; sentences not known yet are embedded in one batch and kept. */
    @Override
    public List<ArticleVector> of(List<LawArticle> articles) {
        Set<String> missing = new LinkedHashSet<>();
        for (LawArticle article : articles) {
            for (String sentence : sentences(article)) {
                if (!missing.contains(sentence) && knownSentence(sentence).isEmpty()) {
                    missing.add(sentence);
                }
            }
        }
        List<String> batch = List.copyOf(missing);
        List<float[]> computed = embedder.embed(batch);
        for (int i = 0; i < batch.size(); i++) {
            String sentence = batch.get(i);
            float[] vector = computed.get(i);
            memory.put(sentence, vector);
            disk.ifPresent(d -> d.write(d.key(sentence), vector));
        }
        return articles.stream().map(this::assemble).toList();
    }

    /** Forgets, in memory, the sentences of articles not among these (disk keeps them). */
    @Override
    public void retainOnly(Collection<LawArticle> articles) {
        Set<String> keep = new HashSet<>();
        for (LawArticle article : articles) {
            keep.addAll(sentences(article));
        }
        memory.keySet().retainAll(keep);
    }

    private ArticleVector assemble(LawArticle article) {
        float[] whole = Vectors.centroid(passages(article).stream().map(memory::get).toList());
        return new ArticleVector(whole, clauses(article).stream().map(memory::get).toList());
    }

    /** Everything embedded for an article: its passages, then its clauses. */
    static List<String> sentences(LawArticle article) {
        List<String> sentences = new ArrayList<>(passages(article));
        sentences.addAll(clauses(article));
        return sentences;
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
        return List.of(context(article) + article.text(), article.text());
    }

    /**
     * The sentences of an article of several (split after 。 and ；, at line breaks; fragments
     * under {@link #MIN_CLAUSE_CHARS} characters dropped), each with the law's short name and
     * chapter title before it; none for an article of one sentence, whose passages say it all.
     * An article of several paragraphs (款) often answers several questions, and its mean
     * vector lies between them: a question about one paragraph is closer to that paragraph
     * than to the whole. An article's closeness to a question is therefore the best of its
     * whole vector's and its clauses' (passage-level evidence, as in Dai and Callan's MaxP). On
     * statute_dev this took top-1 / r3 / mrr10 from 0.479 / 0.654 / 0.583 to 0.485 / 0.665 /
     * 0.590; r3 rose on each half of the questions, however halved (odd / even, first /
     * second: +0.017, +0.006, +0.011, +0.011). The mean of the two instead of the best: 0.488 /
     * 0.662 / 0.587.
     */
    static List<String> clauses(LawArticle article) {
        List<String> clauses = new ArrayList<>();
        for (String part : CLAUSE_END.split(article.text())) {
            String clause = part.strip();
            if (clause.length() >= MIN_CLAUSE_CHARS) {
                clauses.add(clause);
            }
        }
        if (clauses.size() < 2) {
            return List.of();
        }
        String context = context(article);
        return clauses.stream().map(clause -> context + clause).toList();
    }

    private static String context(LawArticle article) {
        String law = LawQueries.shortName(article.law());
        String chapter = LawQueries.title(article.chapter());
        return (chapter.isEmpty() ? law : law + " " + chapter) + "：";
    }

    /**
     * The vectors of one article.
     *
     * @param whole   the normalised mean of its passages' vectors: what nearest-neighbour search finds
     * @param clauses one vector per clause, none for an article of one sentence
     */
    record ArticleVector(float[] whole, List<float[]> clauses) {

        /** How close the article is to the question: the best of its whole vector and its clauses. */
        double cosine(float[] question) {
            double best = Vectors.dot(question, whole);
            for (float[] clause : clauses) {
                best = Math.max(best, Vectors.dot(question, clause));
            }
            return best;
        }
    }
}
