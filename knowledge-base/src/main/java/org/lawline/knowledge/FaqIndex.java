package org.lawline.knowledge;

import java.nio.file.Path;
import java.util.Collection;
import org.lawline.knowledge.search.LuceneFaqSearch;

/**
 * A {@link FaqSearch} over a set of entries held in memory, each process its own copy, that can
 * be rebuilt or updated while it is being searched. A change is visible to every search that
 * starts after the changing method returns; a search already running sees the entries as they
 * were. Thread safe.
 *
 * <p>The {@link FaqMatch#confidence() confidence} of a match starts from how much of the
 * question the entry covers: the idf-weighted share of the question's words (after stop words,
 * with synonyms) that the entry's question or phrasings hold, words only in its answer counting
 * half and words no entry holds counting wholly against; multiplied by (0.6 + 0.4 × the share
 * of the entry's own question that the citizen asked). A hybrid index then lifts it by the
 * closeness in meaning of question and entry (sentence vectors): coverage + (1 − coverage) × 0.6 ×
 * closeness, where closeness is 0 up to a cosine of 0.55 and 1 from 0.85. Only the first 500
 * characters of a question are read. Questions worded differently from a matching entry score
 * about 0.6 to 1; chit-chat, weather, recipes and gibberish find nothing or score below 0.35.
 *
 * <p>Entries are found by their words (BM25) and, in a hybrid index, by meaning (nearest
 * vectors), and ranked by the share of the question they hold, relative BM25 and closeness in
 * meaning (to the entry's question and phrasings, and to its question and answer read together)
 * together, by words alone by coverage and relative BM25. Text
 * without any word (emoji, digits, punctuation) finds nothing. A hybrid index makes a changed
 * entry searchable by its words at once and by its meaning once its vector is computed, before
 * the changing method returns.
 */
public interface FaqIndex extends FaqSearch, AutoCloseable {

    /** Makes the index hold exactly these entries (the last one wins when ids repeat). */
    void replaceAll(Collection<FaqEntry> entries);

    /** As {@link #replaceAll(Collection)}, told how far a hybrid index is with the vectors it computes. */
    default void replaceAll(Collection<FaqEntry> entries, VectorProgress progress) {
        replaceAll(entries);
    }

    /** Adds the entry, or replaces the entry with the same id. */
    void upsert(FaqEntry entry);

    /** Removes the entry with this id; does nothing when there is none. */
    void remove(String id);

    /** How many entries the index holds. */
    int size();

    /** Releases the index; searching a closed index fails. */
    @Override
    void close();

    /**
     * An empty hybrid index with LawLine's Chinese analysis (smartcn, our stop words and
     * synonyms) and the in-process bge-small-zh sentence model (loaded once per process, 1 to 3 s),
     * entry vectors kept in memory only: every new process embeds its entries again (about 5 ms
     * a sentence).
     */
    static FaqIndex inMemory() {
        return new LuceneFaqSearch();
    }

    /**
     * As {@link #inMemory()}, with entry vectors also cached in this folder by content hash, so a
     * restart embeds only entries that changed. Several processes may share the folder.
     */
    static FaqIndex inMemory(Path embeddingCache) {
        return LuceneFaqSearch.hybrid(embeddingCache);
    }

    /** An empty index searched by words alone (BM25 and coverage): no model is loaded. */
    static FaqIndex keywordsOnly() {
        return LuceneFaqSearch.keywordsOnly();
    }
}
