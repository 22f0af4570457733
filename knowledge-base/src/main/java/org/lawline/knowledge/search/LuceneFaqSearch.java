package org.lawline.knowledge.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqIndex;
import org.lawline.knowledge.FaqMatch;
import org.lawline.knowledge.VectorProgress;
import org.lawline.knowledge.embedding.Vectors;
import org.lawline.knowledge.index.MemoryIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knowledge-base search on Lucene, in memory: each process builds its own index from the
 * entries it is given. Searches share one searcher through a {@link SearcherManager}; writes
 * are serialised and refresh it before they return, so a search sees the index either before
 * or after a write, never half of a {@link #replaceAll}. Thread safe.
 *
 * <p>Candidates are found two ways: by BM25 over question, phrasings and category (×1) and
 * answer (×2), with synonyms, ranked by {@link Coverage} (answer words counted in full for the
 * order, half for the confidence) plus half their BM25 score relative to the best candidate's;
 * and, unless built {@link #keywordsOnly()}, by the cosine of the question's vector to each
 * entry's vector ({@link EntryVectors}), nearest first. Each candidate of either list is scored
 * by that word score, without its entry coverage once the cosine is known, plus its
 * {@link Similarity#closeness}, and its confidence is
 * {@link Similarity#confidence}: a weighted sum of scores, which beat
 * reciprocal-rank fusion on both measurements (see {@link Fusion}).
 *
 * <p>Indexing runs the embedding model only for sentences whose vectors are neither in memory
 * nor in the cache folder. {@link #replaceAll} first makes every entry searchable by its words,
 * then adds the missing vectors batch by batch, so a first build of thousands of entries (tens
 * of seconds) never leaves searches without results meanwhile.
 */
public final class LuceneFaqSearch implements FaqIndex {

    private static final Logger log = LoggerFactory.getLogger(LuceneFaqSearch.class);

    /** More results than this are never useful to a conversation, and each costs a stored-field read. */
    static final int MAX_RESULTS = 50;
    /** Hits re-ranked by confidence, at least; more when more results are asked for. */
    private static final int MIN_CANDIDATES = 20;
    /**
     * The weight of BM25 relevance (as a share of the best hit's) beside confidence in the
     * ranking. BM25 alone let a short entry that shares one rare word beat an entry that covers
     * the whole question; confidence alone cannot order entries that cover equally.
     */
    private static final double RELEVANCE_SHARE = 0.5;
    /**
     * The reciprocal-rank-fusion constant of Cormack, Clarke and Büttcher (2009), kept as they
     * found it robust across collections: it flattens the head of each ranking, so one list's
     * first place cannot outvote both lists' agreement on another entry.
     */
    static final int RRF_K = 60;
    /**
     * The weight of closeness in meaning beside question coverage and relative BM25 (up to 1 and
     * 0.5). Measured on both sets among 0.25, 0.5, 1 and 2 (see {@link Fusion}), then again once
     * candidates were found and ordered by the question after bge's query instruction, among
     * 0.75, 1, 1.25, 1.5 and 2: on faq_keywords_dev (578 keyword queries, 1,532 LeCoQA entries)
     * top-1 0.808, 0.810, 0.808, 0.813, 0.806, on the bundled entries' held-out phrasings (183)
     * 0.486, 0.514, 0.530, 0.552, 0.563. Instructed cosines run lower, so closeness needs more
     * weight to say as much: at 1 the instruction lifted keywords (0.798 → 0.810) but lost
     * held-out phrasings (0.546 → 0.514); at 1.5, 0.813 and 0.552, and top-1 rose on each half
     * of the keyword queries.
     */
    static final double SEMANTIC_WEIGHT = 1.5;
    /** Entries embedded per model call and index write while building: a progress step. */
    private static final int EMBEDDING_BATCH = 128;
    /** Room for about 10,000 entries with long answers before a segment is flushed. */
    private static final double RAM_BUFFER_MB = 96;
    /** Progress of a build is logged at most this often. */
    private static final long PROGRESS_NANOS = 5_000_000_000L;

    /**
     * How lexical and semantic rankings become one; package-private so measurements can compare.
     * On faq_keywords_dev (578 keyword queries, 1,532 LeCoQA entries) both scored top-1 0.768;
     * on the bundled entries' held-out phrasings (183), weighted 0.536 and reciprocal rank 0.492
     * (words alone: 0.383). Ranks throw away how sure each list is: a near-certain lexical match
     * and a weak one count the same.
     */
    enum Fusion {
        /** Sum of 1 / (k + rank) over both rankings. */
        RECIPROCAL_RANK,
        /** Confidence + half the relative BM25 + closeness: scores, not ranks. */
        WEIGHTED
    }

    private final Vocabulary vocabulary;
    private final FaqDocuments documents;
    private final Optional<EntryVectors> vectors;
    private final Fusion fusion;
    /** Weight of closeness in {@link Fusion#WEIGHTED}; changed only by measurements, before the index is used. */
    double semanticWeight = SEMANTIC_WEIGHT;
    private final MemoryIndex lucene;
    /** {@link #lucene}'s writer. */
    private final IndexWriter writer;
    private final IndexedEntries indexed = new IndexedEntries();
    private final EntryCounts counts = new EntryCounts();

    /** An empty hybrid index with the shared bge-small-zh model, vectors kept in memory only. */
    public LuceneFaqSearch() {
        this(Optional.of(EntryVectors.shared(Optional.empty())), Fusion.WEIGHTED);
    }

    /** An empty index searched by words alone: no model is loaded. */
    public static LuceneFaqSearch keywordsOnly() {
        return new LuceneFaqSearch(Optional.empty(), Fusion.WEIGHTED);
    }

    /** An empty hybrid index whose entry vectors are also cached in this folder (created when needed). */
    public static LuceneFaqSearch hybrid(Path embeddingCache) {
        return new LuceneFaqSearch(Optional.of(EntryVectors.shared(Optional.of(embeddingCache))), Fusion.WEIGHTED);
    }

    LuceneFaqSearch(Optional<EntryVectors> vectors, Fusion fusion) {
        this.vocabulary = Vocabulary.bundled();
        this.documents = new FaqDocuments(vocabulary);
        this.vectors = vectors;
        this.fusion = fusion;
        this.lucene = new MemoryIndex(new IndexWriterConfig(vocabulary.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                // a whole build in one segment: every segment is one more HNSW graph to search
                .setRAMBufferSizeMB(RAM_BUFFER_MB));
        this.writer = lucene.writer();
    }

    @Override
    public List<FaqMatch> search(String text, int limit) {
        if (text == null || limit <= 0) {
            return List.of();
        }
        List<QueryTerm> terms = FaqQueries.affordable(vocabulary.questionTerms(text));
        if (terms.isEmpty()) {
            // no word at all (emoji, digits, punctuation): nothing to mean either
            return List.of();
        }
        int wanted = Math.min(limit, MAX_RESULTS);
        Optional<EntryVectors.QuestionVectors> asked = meaningOf(text); // before acquiring: the model is the slow part
        return lucene.read(searcher -> {
            int candidates = Math.max(wanted * 4, MIN_CANDIDATES);
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
                        candidate.cosine = Vectors.dot(asked.get().meaning(), v);
                        candidate.searchCosine = Vectors.dot(asked.get().searching(), v);
                    });
                }
            }
            Coverage.Score[] covered = new Coverage(searcher, counts.of(searcher), text, terms).of(docs, read);
            for (int i = 0; i < docs.length; i++) {
                candidateList.get(i).coverage = covered[i].confidence();
                candidateList.get(i).rankCoverage = covered[i].ranking();
                candidateList.get(i).questionShare = covered[i].questionShare();
            }
            return rank(candidateList, wanted);
        });
    }

    /** The question's vectors; none when keywords only, or, warned about, when the model fails: words still answer. */
    private Optional<EntryVectors.QuestionVectors> meaningOf(String text) {
        if (vectors.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(vectors.get().ofQuestion(text));
        } catch (RuntimeException e) {
            log.warn("Embedding a question failed; searching it by words alone", e);
            return Optional.empty();
        }
    }

    private List<FaqMatch> rank(List<Candidate> candidates, int wanted) {
        List<FaqMatch> ranked = new ArrayList<>(candidates.size());
        if (vectors.isEmpty()) {
            for (Candidate c : candidates) {
                ranked.add(new FaqMatch(c.entry, c.keywordScore(), c.coverage));
            }
        } else if (fusion == Fusion.WEIGHTED) {
            for (Candidate c : candidates) {
                ranked.add(new FaqMatch(c.entry, c.weightedScore(semanticWeight), c.confidence()));
            }
        } else {
            Map<Candidate, Double> fused = new LinkedHashMap<>();
            List<Candidate> byWords = new ArrayList<>(candidates);
            byWords.sort(Comparator.comparingDouble(Candidate::keywordScore).reversed());
            for (int i = 0; i < byWords.size(); i++) {
                fused.merge(byWords.get(i), 1.0 / (RRF_K + i + 1), Double::sum);
            }
            List<Candidate> byMeaning = new ArrayList<>(candidates.stream().filter(c -> !Double.isNaN(c.cosine)).toList());
            byMeaning.sort(Comparator.comparingDouble((Candidate c) -> c.searchCosine).reversed());
            for (int i = 0; i < byMeaning.size(); i++) {
                fused.merge(byMeaning.get(i), 1.0 / (RRF_K + i + 1), Double::sum);
            }
            fused.forEach((c, score) -> ranked.add(new FaqMatch(c.entry, score, c.confidence())));
        }
        ranked.sort(Comparator.comparingDouble(FaqMatch::score).reversed());
        return List.copyOf(ranked.subList(0, Math.min(wanted, ranked.size())));
    }

    /** One entry considered for a question. */
    private static final class Candidate {
        final int doc;
        FaqEntry entry;
        /** BM25 score over the best lexical hit's; 0 when found by meaning only. */
        double relevance;
        /** Confidence by words ({@link Coverage.Score#confidence}). */
        double coverage;
        /** What the words make of the candidate for ordering ({@link Coverage.Score#ranking}). */
        double rankCoverage;
        /** The same without entry coverage ({@link Coverage.Score#questionShare}). */
        double questionShare;
        /** With the question as it is; NaN when the entry has no vector (yet) or the index is keywords only. */
        double cosine = Double.NaN;
        /** With the question after the model's query instruction ({@link EntryVectors.QuestionVectors#searching}); NaN as above. */
        double searchCosine = Double.NaN;

        Candidate(int doc) {
            this.doc = doc;
        }

        double keywordScore() {
            return rankCoverage + RELEVANCE_SHARE * relevance;
        }

        /**
         * Words and meaning by {@link Fusion#WEIGHTED}. Where the cosine is known, the words count
         * without entry coverage: it stands in for whether the entry's question as a whole is the
         * one asked, which the cosine tells better, and it held back long entry questions against
         * short keyword queries. On faq_keywords_dev (578 keyword queries, 1,532 LeCoQA entries)
         * top-1 0.791 → 0.798, on the bundled entries' held-out phrasings (first phrasing of each
         * of 183 held out) 0.536 → 0.546. Searched by words alone the factor stays: without it
         * keyword top-1 fell from 0.791 to 0.765.
         */
        double weightedScore(double semanticWeight) {
            if (Double.isNaN(cosine)) {
                return keywordScore();
            }
            return questionShare + RELEVANCE_SHARE * relevance + semanticWeight * Similarity.closeness(searchCosine);
        }

        double confidence() {
            return Double.isNaN(cosine) ? coverage : Similarity.confidence(coverage, cosine);
        }
    }

    @Override
    public Optional<FaqEntry> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return lucene.read(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(FaqFields.ID, id)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(FaqDocuments.toEntry(searcher.storedFields().document(top.scoreDocs[0].doc)));
        });
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
        long started = System.nanoTime();
        Map<String, FaqEntry> byId = new LinkedHashMap<>();
        for (FaqEntry entry : entries) {
            byId.remove(entry.id()); // the last one wins, in its own position
            byId.put(entry.id(), entry);
        }
        List<FaqEntry> lacking = new ArrayList<>();
        lucene.write(() -> {
            writer.deleteAll();
            for (FaqEntry entry : byId.values()) {
                Optional<float[]> vector = vectors.flatMap(v -> v.known(entry));
                if (vectors.isPresent() && vector.isEmpty()) {
                    lacking.add(entry);
                }
                writer.addDocument(documents.toDocument(entry, vector));
            }
        });
        if (!lacking.isEmpty()) {
            try {
                addVectors(lacking, byId.size(), started, progress);
            } catch (RuntimeException e) {
                // the entries are in and found by their words; a later rebuild or upsert tries again
                log.warn("Computing entry vectors failed; entries without one are found by words alone", e);
            }
        }
        vectors.ifPresent(v -> v.retainOnly(byId.values()));
    }

    private void addVectors(List<FaqEntry> lacking, int total, long started, VectorProgress progress) {
        EntryVectors model = vectors.orElseThrow();
        log.info("Knowledge index: {} of {} entries searchable by words; computing the vectors of {}",
                total, total, lacking.size());
        long lastReport = System.nanoTime();
        for (int from = 0; from < lacking.size(); from += EMBEDDING_BATCH) {
            List<FaqEntry> batch = lacking.subList(from, Math.min(from + EMBEDDING_BATCH, lacking.size()));
            List<float[]> computed = model.of(batch);
            MemoryIndex.Writing update = () -> {
                for (int i = 0; i < batch.size(); i++) {
                    writer.updateDocument(new Term(FaqFields.ID, batch.get(i).id()),
                            documents.toDocument(batch.get(i), Optional.of(computed.get(i))));
                }
            };
            int done = from + batch.size();
            progress.computed(done, lacking.size());
            if (System.nanoTime() - lastReport > PROGRESS_NANOS && done < lacking.size()) {
                // searches gain the vectors made so far; refreshing each batch would leave dozens of segments
                lucene.write(update);
                lastReport = System.nanoTime();
                log.info("Knowledge index: vectors of {} of {} entries computed", done, lacking.size());
            } else {
                lucene.unrefreshed(update);
            }
        }
        // one segment again: each segment's graph is searched on its own, dozens made a search 10 times slower
        lucene.write(() -> writer.forceMerge(1));
        log.info("Knowledge index: {} entries in {} ms, vectors of {} computed, the others' from cache",
                total, (System.nanoTime() - started) / 1_000_000, lacking.size());
    }

    @Override
    public synchronized void upsert(FaqEntry entry) {
        Optional<float[]> vector = Optional.empty();
        try {
            vector = vectors.map(v -> v.of(List.of(entry)).get(0));
        } catch (RuntimeException e) {
            log.warn("Computing the vector of entry {} failed; it is found by words alone", entry.id(), e);
        }
        Optional<float[]> found = vector;
        lucene.write(() -> writer.updateDocument(new Term(FaqFields.ID, entry.id()), documents.toDocument(entry, found)));
    }

    @Override
    public synchronized void remove(String id) {
        lucene.write(() -> writer.deleteDocuments(new Term(FaqFields.ID, id)));
    }

    @Override
    public int size() {
        return lucene.size();
    }

    @Override
    public synchronized void close() {
        lucene.close();
    }
}
