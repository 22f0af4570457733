package org.lawline.knowledge.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.lawline.knowledge.VectorProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the FAQ index and the law-article index share: items (entries, articles) in an
 * in-memory Lucene index, one document each, replaced by id; found by their words as soon as
 * they are written, and by their meaning once their vector is in the document. How an item
 * becomes a document and how a question is ranked stay with each index; this holds the
 * building, the vector job, the lookup by id and the question's vectors.
 *
 * <p>A build ({@link #replaceAll}) writes every item at once, with the vectors already known
 * (in memory or in the cache folder); {@link #addVectors} then computes the others batch by
 * batch, outside the lock, and writes each batch unless a newer build took over or the index
 * was closed. Searches see the old items or the new, never half a build. Thread safe.
 *
 * @param <T> the item: an entry, an article
 * @param <V> an item's vector(s), as its documents store them
 * @param <Q> a question's vector(s)
 */
public final class HybridIndex<T, V, Q> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HybridIndex.class);

    /** More results than this are never useful to a conversation, and each costs a stored-field read. */
    public static final int MAX_RESULTS = 50;
    /** Items embedded per model call and index write while building: a progress step. */
    private static final int EMBEDDING_BATCH = 128;
    /** Progress of a build is logged at most this often. */
    private static final long PROGRESS_NANOS = 5_000_000_000L;

    /** How items become documents and back. */
    public interface Documents<T, V> {
        /** The field holding the id, indexed as one term: replacing and finding go by it. */
        String idField();

        String id(T item);

        Document toDocument(T item, Optional<V> vector);

        T toItem(Document stored);
    }

    /** The model's side: vectors of items, known or computed, and of questions. */
    public interface Model<T, V, Q> {
        /** The item's vector if it is in memory or in the cache folder; runs no model. */
        Optional<V> known(T item);

        /** The items' vectors, in order; runs the model for those not known. */
        List<V> of(List<T> items);

        /** Forgets, in memory, the vectors of items not among these. */
        void retainOnly(Collection<T> items);

        Q ofQuestion(String question);
    }

    /** One {@link #replaceAll}: the items written without a vector, for {@link #addVectors}. */
    public record Build<T>(long generation, int size, List<T> lacking, long startedNanos) {
    }

    private final String name;
    private final Documents<T, V> documents;
    private final Optional<Model<T, V, Q>> model;
    private final MemoryIndex lucene;
    /** {@link #lucene}'s writer. */
    private final IndexWriter writer;
    /** Bumped by every {@link #replaceAll}: a vector job of an older build stops writing. */
    private long generation;
    private boolean closed;

    /**
     * @param name  what the log calls this index ("FAQ index", "law-article index")
     * @param model absent for an index searched by words alone: no model is loaded
     */
    public HybridIndex(String name, IndexWriterConfig config, Documents<T, V> documents, Optional<? extends Model<T, V, Q>> model) {
        this.name = name;
        this.documents = documents;
        this.model = model.map(m -> m);
        this.lucene = new MemoryIndex(config);
        this.writer = lucene.writer();
    }

    /** Whether items are also found by meaning. */
    public boolean hybrid() {
        return model.isPresent();
    }

    /** Runs the read on a searcher of the index as last refreshed. */
    public <R> R read(Searchers.Reading<R> reading) {
        return lucene.read(reading);
    }

    /**
     * Which view of the index searches see now: a number that changes whenever a change becomes
     * visible to them (a build, a batch of vectors, an upsert, a removal), and only then.
     */
    public long version() {
        return lucene.read(searcher -> ((org.apache.lucene.index.DirectoryReader) searcher.getIndexReader()).getVersion());
    }

    /** Items in the index as searches see it. */
    public int size() {
        return lucene.size();
    }

    public Optional<T> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return lucene.read(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(documents.idField(), id)), 1);
            return top.scoreDocs.length == 0
                    ? Optional.empty()
                    : Optional.of(documents.toItem(searcher.storedFields().document(top.scoreDocs[0].doc)));
        });
    }

    /**
     * The question's vectors; none in an index of words alone, or, warned about, when the model
     * fails: words still answer. Called before a search acquires a searcher: the model is the
     * slow part.
     */
    public Optional<Q> meaningOf(String text) {
        if (model.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(model.get().ofQuestion(text));
        } catch (RuntimeException e) {
            log.warn("Embedding a question failed; searching the {} by words alone", name, e);
            return Optional.empty();
        }
    }

    /**
     * Replaces the items; of several with one id, the last wins, in its own position. When this
     * returns, every item is searchable by its words, and by meaning if its vector was known;
     * the others are in the returned build's {@link Build#lacking}, for {@link #addVectors}.
     */
    public synchronized Build<T> replaceAll(Collection<T> items) {
        long started = System.nanoTime();
        Map<String, T> byId = new LinkedHashMap<>();
        for (T item : items) {
            String id = documents.id(item);
            byId.remove(id);
            byId.put(id, item);
        }
        List<T> lacking = new ArrayList<>();
        long build = ++generation;
        lucene.write(() -> {
            writer.deleteAll();
            for (T item : byId.values()) {
                Optional<V> vector = model.flatMap(m -> m.known(item));
                if (model.isPresent() && vector.isEmpty()) {
                    lacking.add(item);
                }
                writer.addDocument(documents.toDocument(item, vector));
            }
        });
        model.ifPresent(m -> m.retainOnly(byId.values()));
        return new Build<>(build, byId.size(), List.copyOf(lacking), started);
    }

    /**
     * Computes the vectors the build lacked and adds them, batch by batch: searches gain them
     * every few seconds (refreshing each batch would leave dozens of segments), and all of them
     * when this returns. Stops, without writing, once a newer build took over or the index was
     * closed. A model that fails is logged: the items stay found by their words, and the next
     * build tries again.
     *
     * @param progress told after each batch how many of the lacking vectors are in
     */
    public void addVectors(Build<T> build, VectorProgress progress) {
        if (build.lacking().isEmpty()) {
            return;
        }
        Model<T, V, Q> vectors = model.orElseThrow();
        List<T> lacking = build.lacking();
        log.info("{}: {} items searchable by words; computing the vectors of {}", name, build.size(), lacking.size());
        long lastReport = System.nanoTime();
        try {
            for (int from = 0; from < lacking.size(); from += EMBEDDING_BATCH) {
                List<T> batch = lacking.subList(from, Math.min(from + EMBEDDING_BATCH, lacking.size()));
                List<V> computed = vectors.of(batch);
                int done = from + batch.size();
                boolean report = System.nanoTime() - lastReport > PROGRESS_NANOS && done < lacking.size();
                synchronized (this) {
                    if (closed || build.generation() != generation) {
                        return;
                    }
                    MemoryIndex.Writing update = () -> {
                        for (int i = 0; i < batch.size(); i++) {
                            writer.updateDocument(new Term(documents.idField(), documents.id(batch.get(i))),
                                    documents.toDocument(batch.get(i), Optional.of(computed.get(i))));
                        }
                    };
                    progress.computed(done, lacking.size());
                    if (report) {
                        lucene.write(update);
                    } else {
                        lucene.unrefreshed(update);
                    }
                }
                if (report) {
                    lastReport = System.nanoTime();
                    log.info("{}: vectors of {} of {} items computed", name, done, lacking.size());
                }
            }
            synchronized (this) {
                if (closed || build.generation() != generation) {
                    return;
                }
                // one segment again: each segment's graph is searched on its own, dozens made a search 10 times slower
                lucene.write(() -> writer.forceMerge(1));
            }
            log.info("{}: {} items in {} ms, vectors of {} computed, the others' from the cache", name, build.size(),
                    (System.nanoTime() - build.startedNanos()) / 1_000_000, lacking.size());
        } catch (AlreadyClosedException e) {
            // closed while the model ran: nothing left to add to
        } catch (RuntimeException e) {
            log.warn("Computing the vectors of the {} failed; items without one are found by words alone", name, e);
        }
    }

    /** Adds the item or replaces the one with its id, with its vector unless the model fails. */
    public synchronized void upsert(T item) {
        Optional<V> vector = Optional.empty();
        try {
            vector = model.map(m -> m.of(List.of(item)).get(0));
        } catch (RuntimeException e) {
            log.warn("Computing the vector of {} in the {} failed; it is found by words alone", documents.id(item), name, e);
        }
        Optional<V> found = vector;
        lucene.write(() -> writer.updateDocument(new Term(documents.idField(), documents.id(item)), documents.toDocument(item, found)));
    }

    public synchronized void remove(String id) {
        lucene.write(() -> writer.deleteDocuments(new Term(documents.idField(), id)));
    }

    @Override
    public synchronized void close() {
        closed = true;
        lucene.close();
    }
}
