package org.lawline.knowledge.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * The BM25 score of candidates in one group of fields at a time, as the whole-entry query
 * scores that group: how much of an entry's relevance comes from its question and phrasings,
 * and how much from its answer or category.
 */
final class FieldRelevance {

    private FieldRelevance() {
    }

    /**
     * @param docs the candidates' document ids in the searcher
     * @return per candidate, its BM25 score over these fields (with their boosts), 0 when it holds none of the terms there
     */
    static double[] of(IndexSearcher searcher, List<QueryTerm> terms, List<FaqFields.Weighted> fields, int[] docs)
            throws IOException {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (QueryTerm term : terms) {
            for (FaqFields.Weighted field : fields) {
                builder.add(FaqQueries.inField(term, field), BooleanClause.Occur.SHOULD);
            }
        }
        Query query = searcher.rewrite(builder.build());
        Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE, 1);
        double[] scores = new double[docs.length];
        Integer[] order = new Integer[docs.length];
        for (int c = 0; c < docs.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        Scorer scorer = null;
        for (int c : order) {
            LeafReaderContext at = leaves.get(ReaderUtil.subIndex(docs[c], leaves));
            if (at != leaf) {
                leaf = at;
                scorer = weight.scorer(leaf);
            }
            if (scorer == null) {
                continue;
            }
            int local = docs[c] - leaf.docBase;
            int found = scorer.docID() < local ? scorer.iterator().advance(local) : scorer.docID();
            if (found == local) {
                scores[c] = scorer.score();
            }
        }
        return scores;
    }
}
