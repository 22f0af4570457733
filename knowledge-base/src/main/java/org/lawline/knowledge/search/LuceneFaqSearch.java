package org.lawline.knowledge.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqIndex;
import org.lawline.knowledge.FaqMatch;
import org.lawline.knowledge.VectorProgress;
import org.lawline.knowledge.embedding.QuestionVectors;
import org.lawline.knowledge.embedding.Vectors;
import org.lawline.knowledge.index.HybridIndex;
import org.lawline.knowledge.tuning.CrossValidation;
import org.lawline.knowledge.tuning.GridSearch;
import org.lawline.knowledge.tuning.RankScores;
import org.lawline.knowledge.tuning.TunableRanking;

/**
 * Knowledge-base search on Lucene, in memory: each process builds its own index from the
 * entries it is given. Searches share one searcher through a {@link SearcherManager}; writes
 * are serialised and refresh it before they return, so a search sees the index either before
 * or after a write, never half of a {@link #replaceAll}. Thread safe.
 *
 * <p>Candidates are found two ways: by BM25 over question, phrasings and category (×1) and
 * answer (×2), with synonyms; and, unless built {@link #keywordsOnly()}, by the cosine of the
 * question's vector to each entry's asked vector ({@link EntryVectors}), nearest first. Each
 * candidate of either list gets its {@link FaqFeatures} (its {@link Coverage}, BM25 relative to
 * the best hit's, and its cosines to the entry's asked and whole vectors), from which
 * {@link FaqRanking} orders the candidates and gives each its confidence: a weighted sum of
 * scores, which beat reciprocal-rank fusion on both measurements (docs/benchmarks.md, how the
 * fusion was chosen), with weights learned on labelled questions ({@link #learner()},
 * docs/evaluation.md). The live search and that learning rank by the same function.
 *
 * <p>Building, vectors and lookup by id are the {@link HybridIndex}'s, shared with the
 * law-article index. Indexing runs the embedding model only for sentences whose vectors are
 * neither in memory nor in the cache folder. {@link #replaceAll} first makes every entry
 * searchable by its words, then adds the missing vectors batch by batch before it returns, so a
 * first build of thousands of entries (tens of seconds) never leaves searches without results
 * meanwhile.
 */
public final class LuceneFaqSearch implements FaqIndex, TunableRanking<FaqQuestion> {

    /** Hits re-ranked by confidence, at least; more when more results are asked for. */
    private static final int MIN_CANDIDATES = 20;
    /** Room for about 10,000 entries with long answers before a segment is flushed. */
    private static final double RAM_BUFFER_MB = 96;

    private final Vocabulary vocabulary;
    private final HybridIndex<FaqEntry, EntryVector, QuestionVectors.Asked> index;
    private final IndexedEntries indexed = new IndexedEntries();
    private final EntryCounts counts = new EntryCounts();

    /** An empty hybrid index with the shared bge-small-zh model and its question vectors, entry vectors kept in memory only. */
    public LuceneFaqSearch() {
        this(Optional.of(EntryVectors.shared(QuestionVectors.shared(), Optional.empty())));
    }

    /** An empty index searched by words alone: no model is loaded. */
    public static LuceneFaqSearch keywordsOnly() {
        return new LuceneFaqSearch(Optional.empty());
    }

    /** An empty hybrid index whose entry vectors are also cached in this folder (created when needed). */
    public static LuceneFaqSearch hybrid(Path embeddingCache) {
        return hybrid(embeddingCache, QuestionVectors.shared());
    }

    /**
     * As {@link #hybrid(Path)}, questions embedded by (and their vectors shared through) these
     * question vectors, whose model also embeds the entries.
     */
    public static LuceneFaqSearch hybrid(Path embeddingCache, QuestionVectors questions) {
        return new LuceneFaqSearch(Optional.of(EntryVectors.shared(questions, Optional.of(embeddingCache))));
    }

    LuceneFaqSearch(Optional<EntryVectors> vectors) {
        this.vocabulary = Vocabulary.bundled();
        this.index = new HybridIndex<>("FAQ index", new IndexWriterConfig(vocabulary.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                // a whole build in one segment: every segment is one more HNSW graph to search
                .setRAMBufferSizeMB(RAM_BUFFER_MB), new FaqDocuments(vocabulary), vectors);
    }

    /**
     * The results of recent questions, each for the view of the index it was found in: citizens
     * ask the same things over and over, and a search (smartcn's analysis, BM25, the nearest
     * vectors, the coverage of every candidate) costs a couple of milliseconds a time. A change
     * to the index makes a new view, and the results of the old one are never read again. Kept
     * are all the candidates a search weighed, ranked, by the size of that pool: every limit
     * with the same pool weighs the same candidates, so its results are the head of that list.
     * The dialog's search (4 results) and the law search's look at the closest entries citing an
     * article (3) then share one search a turn.
     */
    private final Map<KeptKey, List<FaqMatch>> kept = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<KeptKey, List<FaqMatch>> eldest) {
            return size() > KEPT_RESULTS;
        }
    };
    /** 1,024 questions' ranked candidates, 20 each for the limits a turn asks for: about a megabyte. */
    private static final int KEPT_RESULTS = 1_024;

    private record KeptKey(long view, String text, int pool) {
    }

    @Override
    public List<FaqMatch> search(String text, int limit) {
        if (text == null || limit <= 0) {
            return List.of();
        }
        int wanted = Math.min(limit, HybridIndex.MAX_RESULTS);
        long view = index.version();
        KeptKey key = new KeptKey(view, text, candidatePool(wanted));
        List<FaqMatch> ranked;
        synchronized (kept) {
            ranked = kept.get(key);
        }
        if (ranked == null) {
            List<FaqCandidate> weighed = candidates(text, wanted);
            ranked = FaqRanking.SHIPPED.matches(weighed, weighed.size());
            // kept only if the index did not change meanwhile: the results are then certainly of that view
            if (index.version() == view) {
                synchronized (kept) {
                    kept.put(key, ranked);
                }
            }
        }
        return ranked.size() <= wanted ? ranked : List.copyOf(ranked.subList(0, wanted));
    }

    /** How many hits of each list a search for this many results weighs. */
    private static int candidatePool(int wanted) {
        return Math.max(wanted * 4, MIN_CANDIDATES);
    }

    /** The question searched as the evaluation searches it, for {@link RankScores#DEPTH} results. */
    @Override
    public FaqQuestion candidates(String text, Collection<String> gold) {
        return new FaqQuestion(text, gold, candidates(text, RankScores.DEPTH));
    }

    /** A grid search over {@link FaqRanking#grid()}, each setting ranking the candidates as the live search would. */
    @Override
    public CrossValidation.Learner<FaqQuestion> learner() {
        return new GridSearch<>(FaqRanking.grid(), (question, ranking) -> ranking.order(question.candidates()));
    }

    /**
     * The entries a search for the question would weigh, with what it knows of each, in the order
     * they were found (BM25's hits, then the nearest vectors'; it breaks ties): the search's
     * results are {@link FaqRanking#matches} of these with {@link FaqRanking#SHIPPED}. For
     * measuring and tuning that ranking without searching again.
     *
     * @param limit the results the search would be asked for: more are weighed for more results
     */
    public List<FaqCandidate> candidates(String text, int limit) {
        if (text == null || limit <= 0) {
            return List.of();
        }
        List<QueryTerm> terms = FaqQueries.affordable(vocabulary.questionTerms(text));
        if (terms.isEmpty()) {
            // no word at all (emoji, digits, punctuation): nothing to mean either
            return List.of();
        }
        int wanted = Math.min(limit, HybridIndex.MAX_RESULTS);
        Optional<QuestionVectors.Asked> asked = index.meaningOf(text); // before acquiring: the model is the slow part
        return index.read(searcher -> {
            int candidates = candidatePool(wanted);
            Map<Integer, Candidate> found = new LinkedHashMap<>();
            TopDocs lexical = searcher.search(FaqQueries.ranking(terms), candidates);
            float best = lexical.scoreDocs.length == 0 ? 1 : lexical.scoreDocs[0].score;
            for (ScoreDoc hit : lexical.scoreDocs) {
                found.computeIfAbsent(hit.doc, Candidate::new).relevance = hit.score / best;
            }
            if (asked.isPresent()) {
                float[] searching = asked.get().searching();
                TopDocs semantic = searcher.search(new KnnFloatVectorQuery(FaqFields.VECTOR, searching, candidates), candidates);
                for (ScoreDoc hit : semantic.scoreDocs) {
                    // Lucene scores a dot product d as (1 + d) / 2
                    double cosine = 2.0 * hit.score - 1;
                    if (Similarity.closeness(cosine) > 0) { // below the floor a neighbour is noise, not a candidate
                        found.computeIfAbsent(hit.doc, Candidate::new);
                    }
                }
            }
            if (found.isEmpty()) {
                return List.of();
            }
            List<Candidate> candidateList = List.copyOf(found.values());
            int[] docs = new int[candidateList.size()];
            List<IndexedEntry> read = new ArrayList<>(candidateList.size());
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            for (int i = 0; i < docs.length; i++) {
                Candidate candidate = candidateList.get(i);
                docs[i] = candidate.doc;
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(candidate.doc, leaves));
                IndexedEntry entry = indexed.of(leaf, candidate.doc - leaf.docBase);
                read.add(entry);
                candidate.entry = entry.entry();
                if (asked.isPresent()) {
                    entry.vector().ifPresent(v -> {
                        candidate.cosine = Vectors.dot(asked.get().meaning(), v.asked());
                        candidate.searchCosine = Vectors.dot(asked.get().searching(), v.asked());
                        candidate.wholeCosine = Vectors.dot(asked.get().searching(), v.whole());
                    });
                }
            }
            Coverage.Score[] covered = new Coverage(searcher, counts.of(searcher), text, terms).of(docs, read);
            List<FaqCandidate> weighed = new ArrayList<>(docs.length);
            for (int i = 0; i < docs.length; i++) {
                Candidate c = candidateList.get(i);
                weighed.add(new FaqCandidate(c.entry, new FaqFeatures(c.relevance, covered[i].confidence(),
                        covered[i].ranking(), covered[i].questionShare(), c.cosine, c.searchCosine, c.wholeCosine)));
            }
            return weighed;
        });
    }

    /** What is gathered of one entry considered for a question, before it becomes its {@link FaqFeatures}. */
    private static final class Candidate {
        final int doc;
        FaqEntry entry;
        double relevance;
        double cosine = Double.NaN;
        double searchCosine = Double.NaN;
        double wholeCosine = Double.NaN;

        Candidate(int doc) {
            this.doc = doc;
        }
    }

    @Override
    public Optional<FaqEntry> find(String id) {
        return index.find(id);
    }

    /**
     * Replaces the index's entries. When this returns, every entry is searchable by its words
     * and by its meaning; while it runs, searches see the old entries until the new ones are in,
     * then the new ones by their words, and by meaning as their vectors are added.
     */
    @Override
    public void replaceAll(Collection<FaqEntry> entries) {
        replaceAll(entries, VectorProgress.NONE);
    }

    @Override
    public synchronized void replaceAll(Collection<FaqEntry> entries, VectorProgress progress) {
        index.addVectors(index.replaceAll(entries), progress);
    }

    @Override
    public synchronized void upsert(FaqEntry entry) {
        index.upsert(entry);
    }

    @Override
    public synchronized void remove(String id) {
        index.remove(id);
    }

    @Override
    public int size() {
        return index.size();
    }

    @Override
    public synchronized void close() {
        index.close();
    }
}
