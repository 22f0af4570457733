package org.lawline.knowledge.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;

/** Reads through a {@link SearcherManager}: acquires a searcher, always releases it. */
public final class Searchers {

    /** A read of one point-in-time view of the index. */
    @FunctionalInterface
    public interface Reading<T> {
        T read(IndexSearcher searcher) throws IOException;
    }

    private Searchers() {
    }

    /**
     * Runs the read on an acquired searcher.
     *
     * @throws UncheckedIOException when the index cannot be read (in memory, so only on a bug)
     */
    public static <T> T read(SearcherManager searchers, Reading<T> reading) {
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
}
