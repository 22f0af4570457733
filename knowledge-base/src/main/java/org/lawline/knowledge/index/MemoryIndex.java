package org.lawline.knowledge.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A Lucene index in memory, written by one writer and read through a {@link SearcherManager}:
 * searches see a write only once it is complete, because the searchers are refreshed in
 * {@link #write} and nowhere else. Writes are the owner's to serialise. Thread safe.
 */
public final class MemoryIndex implements AutoCloseable {

    /** A change to the index; may throw what {@link IndexWriter} throws. */
    @FunctionalInterface
    public interface Writing {
        void write() throws IOException;
    }

    private final IndexWriter writer;
    private final SearcherManager searchers;

    public MemoryIndex(IndexWriterConfig config) {
        try {
            this.writer = new IndexWriter(new ByteBuffersDirectory(), config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create an in-memory index", e);
        }
    }

    /** The writer, for the changes given to {@link #write} and {@link #unrefreshed}. */
    public IndexWriter writer() {
        return writer;
    }

    /** Runs the read on a searcher of the index as last refreshed. */
    public <T> T read(Searchers.Reading<T> reading) {
        return Searchers.read(searchers, reading);
    }

    /** Documents in the index as searches see it. */
    public int size() {
        return read(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Makes the change, then lets searches see it and every unrefreshed change before it. */
    public void write(Writing writing) {
        try {
            writing.write();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the in-memory index failed", e);
        }
    }

    /** A change that searches see only with the next {@link #write}: for steps of a larger change. */
    public void unrefreshed(Writing writing) {
        try {
            writing.write();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the in-memory index failed", e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Closing the in-memory index failed", e);
        }
    }
}
