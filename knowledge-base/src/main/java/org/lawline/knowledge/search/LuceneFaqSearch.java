package org.lawline.knowledge.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqIndex;
import org.lawline.knowledge.FaqMatch;

/**
 * Knowledge-base search on Lucene, in memory: each process builds its own index from the
 * entries it is given. Searches share one searcher through a {@link SearcherManager}; writes
 * are serialised and refresh it before they return, so a search sees the index either before
 * or after a write, never half of a {@link #replaceAll}. Thread safe.
 *
 * <p>Candidates are found by BM25 over question (×3), phrasings (×2.5), answer and category
 * (×1), with synonyms, then ranked by confidence (defined in {@link Coverage}) plus half their
 * BM25 score relative to the best candidate's; that sum is the {@link FaqMatch#score()}.
 */
public final class LuceneFaqSearch implements FaqIndex {

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

    private final Vocabulary vocabulary;
    private final FaqDocuments documents;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /** An empty index. */
    public LuceneFaqSearch() {
        this.vocabulary = Vocabulary.bundled();
        this.documents = new FaqDocuments(vocabulary);
        try {
            IndexWriterConfig config = new IndexWriterConfig(vocabulary.analyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            this.writer = new IndexWriter(new ByteBuffersDirectory(), config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create an in-memory index", e);
        }
    }

    @Override
    public List<FaqMatch> search(String text, int limit) {
        if (text == null || limit <= 0) {
            return List.of();
        }
        List<QueryTerm> terms = FaqQueries.affordable(vocabulary.questionTerms(text));
        if (terms.isEmpty()) {
            return List.of();
        }
        int wanted = Math.min(limit, MAX_RESULTS);
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(FaqQueries.ranking(terms), Math.max(wanted * 4, MIN_CANDIDATES));
            if (top.scoreDocs.length == 0) {
                return List.of();
            }
            Coverage coverage = new Coverage(searcher, text, terms);
            StoredFields stored = searcher.storedFields();
            float best = top.scoreDocs[0].score;
            List<FaqMatch> ranked = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc hit : top.scoreDocs) {
                Document doc = stored.document(hit.doc);
                FaqEntry entry = FaqDocuments.toEntry(doc);
                double confidence = coverage.of(hit.doc, entry, FaqDocuments.askedTerms(doc));
                ranked.add(new FaqMatch(entry, confidence + RELEVANCE_SHARE * hit.score / best, confidence));
            }
            ranked.sort(Comparator.comparingDouble(FaqMatch::score).reversed());
            return List.copyOf(ranked.subList(0, Math.min(wanted, ranked.size())));
        });
    }

    @Override
    public Optional<FaqEntry> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(FaqFields.ID, id)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(FaqDocuments.toEntry(searcher.storedFields().document(top.scoreDocs[0].doc)));
        });
    }

    @Override
    public synchronized void replaceAll(Collection<FaqEntry> entries) {
        write(() -> {
            writer.deleteAll();
            for (FaqEntry entry : entries) {
                // update, not add: a repeated id replaces the earlier row instead of doubling it
                writer.updateDocument(new Term(FaqFields.ID, entry.id()), documents.toDocument(entry));
            }
        });
    }

    @Override
    public synchronized void upsert(FaqEntry entry) {
        write(() -> writer.updateDocument(new Term(FaqFields.ID, entry.id()), documents.toDocument(entry)));
    }

    @Override
    public synchronized void remove(String id) {
        write(() -> writer.deleteDocuments(new Term(FaqFields.ID, id)));
    }

    @Override
    public int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    @Override
    public synchronized void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Closing the in-memory index failed", e);
        }
    }

    private interface Reading<T> {
        T read(IndexSearcher searcher) throws IOException;
    }

    private interface Writing {
        void write() throws IOException;
    }

    private <T> T withSearcher(Reading<T> reading) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return reading.read(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the in-memory index failed", e);
        }
    }

    private void write(Writing writing) {
        try {
            writing.write();
            // refreshed here and only here, so no search sees a write half done
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the in-memory index failed", e);
        }
    }
}
