package org.lawline.knowledge.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;

/**
 * How many entries hold a word, remembered across searches for as long as the index does not
 * change. Citizens ask about the same few hundred words over and over; counting the entries
 * that hold 合同 in any field, with its synonyms, walks thousands of postings, and did so at
 * every search that used the word. Counts belong to one point-in-time view of the index and go
 * when Lucene closes it. Thread safe.
 */
final class EntryCounts {

    /**
     * Words remembered per view of the index, at most: the index's own vocabulary is far
     * smaller, so only a flood of made-up words reaches it, and those are then counted afresh.
     */
    static final int MAX_WORDS = 50_000;

    private final Map<IndexReader.CacheKey, Counts> views = new ConcurrentHashMap<>();

    /** The counts of the searcher's view of the index. */
    Counts of(IndexSearcher searcher) {
        IndexReader reader = searcher.getIndexReader();
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper == null) {
            return new Counts(searcher);
        }
        Counts known = views.get(helper.getKey());
        if (known != null) {
            return known;
        }
        return views.computeIfAbsent(helper.getKey(), key -> {
            helper.addClosedListener(views::remove);
            return new Counts(searcher);
        });
    }

    /** Views of the index with counts kept: for tests. */
    int views() {
        return views.size();
    }

    /** Counts in one view of the index. */
    static final class Counts {

        private final IndexSearcher searcher;
        private final int entries;
        private final Map<List<String>, Integer> holdingAnyForm = new ConcurrentHashMap<>();
        private final Map<String, Integer> mostInOneField = new ConcurrentHashMap<>();

        private Counts(IndexSearcher searcher) {
            this.searcher = searcher;
            this.entries = searcher.getIndexReader().numDocs();
        }

        /** Entries in this view. */
        int entries() {
            return entries;
        }

        /** Entries holding the term or one of its synonyms, in any searched field. */
        int holding(QueryTerm term) throws IOException {
            Integer known = holdingAnyForm.get(term.forms());
            if (known != null) {
                return known;
            }
            int counted = searcher.count(FaqQueries.anywhere(term));
            remember(holdingAnyForm, term.forms(), counted);
            return counted;
        }

        /** The most entries holding the word in any one searched field: a cheap stand-in for "anywhere". */
        int holdingInOneField(String word) throws IOException {
            Integer known = mostInOneField.get(word);
            if (known != null) {
                return known;
            }
            int most = 0;
            for (FaqFields.Weighted field : FaqFields.SEARCHED) {
                most = Math.max(most, searcher.getIndexReader().docFreq(new Term(field.name(), word)));
            }
            remember(mostInOneField, word, most);
            return most;
        }

        private static <K> void remember(Map<K, Integer> counts, K key, int count) {
            if (counts.size() < MAX_WORDS) {
                counts.put(key, count);
            }
        }
    }
}
