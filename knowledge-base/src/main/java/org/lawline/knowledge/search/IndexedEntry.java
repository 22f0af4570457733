package org.lawline.knowledge.search;

import java.util.List;
import java.util.Optional;
import org.lawline.knowledge.FaqEntry;

/**
 * An entry as a search reads it back from the index: the entry, and what the confidence of a
 * match needs of it, prepared once.
 *
 * @param entry      the entry as written
 * @param asked      its question and phrasings, normalised and lower-cased, one per line
 * @param told       its answer and category, normalised and lower-cased
 * @param askedTerms the words of its question and of each phrasing, as questions are analysed
 * @param vector     its vectors, when the index has them yet
 */
record IndexedEntry(FaqEntry entry, String asked, String told, List<List<String>> askedTerms,
                    Optional<EntryVector> vector) {
}
