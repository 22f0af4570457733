package org.lawline.knowledge.law;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.lawline.knowledge.LawArticle;
import org.lawline.knowledge.LawArticleIndex;
import org.lawline.knowledge.LawArticleMatch;
import org.lawline.knowledge.VectorProgress;
import org.lawline.knowledge.analysis.ChineseAnalysis;
import org.lawline.knowledge.embedding.QuestionVectors;
import org.lawline.knowledge.index.HybridIndex;
import org.lawline.knowledge.law.ArticleVectors.ArticleVector;
import org.lawline.knowledge.tuning.CrossValidation;
import org.lawline.knowledge.tuning.GridSearch;
import org.lawline.knowledge.tuning.TunableRanking;

/**
 * Law articles on Lucene, in memory. Searches share one searcher through a
 * {@link SearcherManager}; {@link #replaceAll} refreshes it before returning, so a search sees
 * all of the old articles or all of the new. Thread safe.
 *
 * <p>Candidates come from BM25 ({@link LawQueries}) and, in a hybrid index, from the nearest
 * article vectors to the question's ({@link ArticleVectors}); each candidate's relative BM25
 * score and rescaled cosine (the best of its whole vector's and its clauses') are fused
 * ({@link LawRanking}), and the fused score is then raised by
 * the relevance of the article's chapter (by words alone only: with meaning, each vector already
 * carries its chapter's title).
 *
 * <p>A hybrid {@link #replaceAll} makes every article searchable by its words before it
 * returns, with the vectors already in memory or in the cache folder; the vectors of the others
 * (two passages an article and its clauses: 14,490 sentences for 3,410 articles, about 2
 * minutes on two cores) are computed afterwards on a thread of the
 * index's own and added batch by batch ({@link HybridIndex#addVectors}, shared with the FAQ
 * index), so nobody waits for the model.
 */
public final class LuceneLawArticles implements LawArticleIndex, TunableRanking<LawQuestion> {

    private final LawQueries queries;
    private final LawRanking ranking;
    private final ArticleDocuments documents = new ArticleDocuments();
    private final HybridIndex<LawArticle, ArticleVector, float[]> index;
    /** Computes missing vectors after a build; absent in a words-only index. */
    private final Optional<ExecutorService> background;
    private CompletableFuture<Void> vectorsDone = CompletableFuture.completedFuture(null);
    /** Articles of the running build whose vectors are in, and those that lacked one: for progress. */
    private final AtomicInteger vectorsComputed = new AtomicInteger();
    private volatile int vectorsLacking;

    /** An empty index searched by words alone: no model is loaded. */
    public LuceneLawArticles() {
        this(Optional.empty(), LawRanking.WORDS);
    }

    /** An empty hybrid index with the process's bge-small-zh, article vectors also cached in this folder if given. */
    public static LuceneLawArticles hybrid(Optional<Path> embeddingCache) {
        return hybrid(embeddingCache, QuestionVectors.shared());
    }

    /**
     * As {@link #hybrid(Optional)}, questions embedded by (and their vectors shared through)
     * these question vectors, whose model also embeds the articles.
     */
    public static LuceneLawArticles hybrid(Optional<Path> embeddingCache, QuestionVectors questions) {
        return new LuceneLawArticles(Optional.of(ArticleVectors.of(questions, embeddingCache)), LawRanking.DEFAULT);
    }

    LuceneLawArticles(Optional<ArticleVectors> vectors, LawRanking ranking) {
        Analyzer words = ChineseAnalysis.words();
        this.queries = new LawQueries(words, ChineseAnalysis.bigrams(),
                ChineseAnalysis.synonyms(ChineseAnalysis.SYNONYMS, LawQueries.LEGAL_SYNONYMS));
        this.ranking = ranking;
        this.background = vectors.map(v -> Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "law-article-vectors");
            thread.setDaemon(true); // a one-shot command must exit without waiting for it
            return thread;
        }));
        Analyzer analyzer = new PerFieldAnalyzerWrapper(words, Map.of(LawFields.BIGRAMS, ChineseAnalysis.bigrams()));
        this.index = new HybridIndex<>("law-article index", new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE),
                documents, vectors);
    }

    @Override
    public Optional<LawArticle> find(String id) {
        return index.find(id);
    }

    @Override
    public List<LawArticleMatch> search(String text, int limit) {
        if (text == null || limit <= 0) {
            return List.of();
        }
        List<LawArticleMatch> ranked = ranking.rank(candidates(text));
        return List.copyOf(ranked.subList(0, Math.min(Math.min(limit, HybridIndex.MAX_RESULTS), ranked.size())));
    }

    /** Searches the question once, for {@code ./lawline eval --folds}: its candidates as {@link #search} ranks them. */
    @Override
    public LawQuestion candidates(String text, Collection<String> gold) {
        return new LawQuestion(text, gold, candidates(text));
    }

    /**
     * Chooses, among this index's settings and those around them ({@link LawRanking#around}),
     * the one that ranks the training questions best; the index's own wins a tie.
     */
    @Override
    public CrossValidation.Learner<LawQuestion> learner() {
        return new GridSearch<>(LawRanking.around(ranking), (question, setting) -> question.rankedBy(setting));
    }

    /**
     * The articles considered for the question, with what the ranking reads of them: the best
     * {@link LawRanking#candidates} by BM25 and, in a hybrid index, as many nearest by meaning;
     * none when the question holds no word (emoji, digits, punctuation: nothing to mean
     * either). {@link #search} ranks these; so does the cross-validation of the ranking
     * ({@link #learner}), which calls this once per question and then tries settings on them.
     */
    List<ArticleCandidate> candidates(String text) {
        Optional<Query> query = queries.of(text);
        if (query.isEmpty()) {
            return List.of();
        }
        Optional<float[]> asked = index.meaningOf(text); // before acquiring: the model is the slow part
        int depth = Math.max(HybridIndex.MAX_RESULTS, ranking.candidates());
        return index.read(searcher -> {
            Map<Integer, Candidate> found = new LinkedHashMap<>();
            for (ScoreDoc hit : searcher.search(query.get(), depth).scoreDocs) {
                found.computeIfAbsent(hit.doc, Candidate::new).bm25 = hit.score;
            }
            if (asked.isPresent()) {
                TopDocs near = searcher.search(new KnnFloatVectorQuery(LawFields.VECTOR, asked.get(), depth), depth);
                for (ScoreDoc hit : near.scoreDocs) {
                    found.computeIfAbsent(hit.doc, Candidate::new);
                }
            }
            if (found.isEmpty()) {
                return List.of();
            }
            StoredFields stored = searcher.storedFields();
            List<Candidate> candidates = List.copyOf(found.values());
            for (Candidate candidate : candidates) {
                Document doc = stored.document(candidate.doc);
                candidate.article = documents.toItem(doc);
                if (asked.isPresent()) {
                    // the best of whole and clauses, for those found by their nearest whole vector too
                    ArticleDocuments.vector(doc).ifPresent(v -> candidate.cosine = v.cosine(asked.get()));
                }
            }
            if (candidates.stream().anyMatch(c -> !Double.isNaN(c.cosine))) {
                scoreByWords(searcher, query.get(), candidates);
            }
            return candidates.stream()
                    .map(c -> new ArticleCandidate(c.article, Double.isNaN(c.bm25) ? 0 : c.bm25, c.cosine))
                    .toList();
        });
    }

    /** The BM25 scores of candidates found by meaning only (0 when no word of theirs is asked). */
    private static void scoreByWords(IndexSearcher searcher, Query query, List<Candidate> candidates) throws IOException {
        Map<Integer, Candidate> unscored = new HashMap<>();
        for (Candidate candidate : candidates) {
            if (Double.isNaN(candidate.bm25)) {
                unscored.put(candidate.doc, candidate);
                candidate.bm25 = 0;
            }
        }
        if (unscored.isEmpty()) {
            return;
        }
        List<BytesRef> ids = unscored.values().stream().map(c -> new BytesRef(c.article.id())).toList();
        Query only = new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(new TermInSetQuery(LawFields.ID, ids), BooleanClause.Occur.FILTER)
                .build();
        for (ScoreDoc hit : searcher.search(only, unscored.size()).scoreDocs) {
            unscored.get(hit.doc).bm25 = hit.score;
        }
    }

    @Override
    public int size() {
        return index.size();
    }

    /**
     * Replaces the articles. When this returns every article is searchable by its words, and by
     * meaning if its vector was in memory or in the cache folder; the other vectors follow in
     * the background ({@link #awaitVectors}).
     */
    @Override
    public synchronized void replaceAll(Collection<LawArticle> articles) {
        HybridIndex.Build<LawArticle> build = index.replaceAll(articles);
        vectorsComputed.set(0);
        vectorsLacking = build.lacking().size();
        vectorsDone = build.lacking().isEmpty()
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> index.addVectors(build, (done, total) -> vectorsComputed.set(done)),
                        background.orElseThrow());
    }

    /**
     * Waits until the vectors of the last {@link #replaceAll} are in (at once when there are none
     * to compute): for measurements, which must see the index whole. Told every second how many
     * are in.
     */
    @Override
    public void awaitVectors(VectorProgress progress) {
        CompletableFuture<Void> pending;
        synchronized (this) {
            pending = vectorsDone;
        }
        try {
            while (true) {
                try {
                    pending.get(1, TimeUnit.SECONDS);
                    break;
                } catch (TimeoutException stillRunning) {
                    progress.computed(vectorsComputed.get(), vectorsLacking);
                }
            }
            if (vectorsLacking > 0) {
                progress.computed(vectorsComputed.get(), vectorsLacking);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the job logs its own failures; this is the executor's, the articles stay searchable by words
        }
    }

    @Override
    public synchronized void close() {
        background.ifPresent(ExecutorService::shutdownNow);
        index.close();
    }

    /** One article considered for a question, while its evidence is gathered. */
    private static final class Candidate {
        final int doc;
        LawArticle article;
        /** NaN until known: found by meaning only, before {@link #scoreByWords}. */
        double bm25 = Double.NaN;
        /** NaN when the article has no vector (yet) or the index is words only. */
        double cosine = Double.NaN;

        Candidate(int doc) {
            this.doc = doc;
        }
    }
}
