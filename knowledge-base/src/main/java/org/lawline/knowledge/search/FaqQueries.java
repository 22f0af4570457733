package org.lawline.knowledge.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;

/**
 * Lucene queries built in code from analysed terms, never parsed from a citizen's text, so
 * {@code ? * : " ( ) AND OR} in a question are only characters.
 */
final class FaqQueries {

    /** A synonym scores a little below the word the citizen wrote. */
    static final float SYNONYM_WEIGHT = 0.8f;
    /** Kept below IndexSearcher's limit of 1,024 clauses, which counts every synonym in every field. */
    private static final int MAX_TERM_CLAUSES = IndexSearcher.getMaxClauseCount() - 24;

    private FaqQueries() {
    }

    /** The leading terms whose query stays within Lucene's clause limit. */
    static List<QueryTerm> affordable(List<QueryTerm> terms) {
        List<QueryTerm> kept = new ArrayList<>();
        int clauses = 0;
        for (QueryTerm term : terms) {
            clauses += term.forms().size() * FaqFields.SEARCHED.size();
            if (clauses > MAX_TERM_CLAUSES) {
                break;
            }
            kept.add(term);
        }
        return kept;
    }

    /**
     * Entries holding any of the terms, in any searched field; each term and its synonyms is
     * one {@link SynonymQuery} per field (synonyms share document statistics, so a rare synonym
     * does not outweigh the common word), weighted by the field's boost.
     */
    static Query ranking(List<QueryTerm> terms) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (QueryTerm term : terms) {
            for (FaqFields.Weighted field : FaqFields.SEARCHED) {
                query.add(new BoostQuery(inField(term, field.name()), field.boost()), BooleanClause.Occur.SHOULD);
            }
        }
        return query.build();
    }

    /** Entries holding the term or a synonym in any searched field. */
    static Query anywhere(QueryTerm term) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (FaqFields.Weighted field : FaqFields.SEARCHED) {
            query.add(inField(term, field.name()), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    private static Query inField(QueryTerm term, String field) {
        SynonymQuery.Builder query = new SynonymQuery.Builder(field);
        query.addTerm(new Term(field, term.word()));
        for (String synonym : term.forms().subList(1, term.forms().size())) {
            query.addTerm(new Term(field, synonym), SYNONYM_WEIGHT);
        }
        return query.build();
    }
}
