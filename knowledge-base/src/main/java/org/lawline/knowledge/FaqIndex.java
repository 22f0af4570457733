package org.lawline.knowledge;

import java.util.Collection;
import org.lawline.knowledge.search.LuceneFaqSearch;

/**
 * A {@link FaqSearch} over a set of entries held in memory, each process its own copy, that can
 * be rebuilt or updated while it is being searched. A change is visible to every search that
 * starts after the changing method returns; a search already running sees the entries as they
 * were. Thread safe.
 *
 * <p>The {@link FaqMatch#confidence() confidence} of a match is how much of the question the
 * entry covers: the idf-weighted share of the question's words (after stop words, with synonyms)
 * that the entry's question or phrasings hold, words only in its answer counting half and words
 * no entry holds counting wholly against; multiplied by (0.6 + 0.4 × the share of the entry's
 * own question that the citizen asked). Only the first 500 characters of a question are read.
 * Questions worded differently from a matching entry score about 0.65 to 1; chit-chat, weather
 * and recipes find nothing or score below 0.35.
 */
public interface FaqIndex extends FaqSearch, AutoCloseable {

    /** Makes the index hold exactly these entries (the last one wins when ids repeat). */
    void replaceAll(Collection<FaqEntry> entries);

    /** Adds the entry, or replaces the entry with the same id. */
    void upsert(FaqEntry entry);

    /** Removes the entry with this id; does nothing when there is none. */
    void remove(String id);

    /** How many entries the index holds. */
    int size();

    /** Releases the index; searching a closed index fails. */
    @Override
    void close();

    /** An empty index with LawLine's Chinese analysis (smartcn, our stop words and synonyms). */
    static FaqIndex inMemory() {
        return new LuceneFaqSearch();
    }
}
