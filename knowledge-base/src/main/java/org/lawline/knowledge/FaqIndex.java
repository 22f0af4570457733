package org.lawline.knowledge;

import java.util.Collection;

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
 *
 * <p>The service's index is a bean ({@link KnowledgeBaseConfiguration}); code without an
 * application context gets one from {@link KnowledgeWiring}.
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
}
