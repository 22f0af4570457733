package org.lawline.knowledge.search;

import java.util.List;

/**
 * The fields of an entry's Lucene document, shared by indexing, querying and the confidence
 * computation. Searched fields hold normalised text and are not stored; the entry is stored
 * separately, as written, to be returned.
 */
final class FaqFields {

    /** Exact, not analysed: the key of updates and deletes. Stored. */
    static final String ID = "id";
    static final String QUESTION = "question";
    /** One value per phrasing. */
    static final String PHRASING = "phrasing";
    static final String ANSWER = "answer";
    static final String CATEGORY = "category";

    static final String STORED_QUESTION = "stored_question";
    static final String STORED_PHRASING = "stored_phrasing";
    static final String STORED_ANSWER = "stored_answer";
    static final String STORED_CATEGORY = "stored_category";
    /** Per question and phrasing, its analysed words separated by spaces. */
    static final String STORED_ASKED_TERMS = "stored_asked_terms";
    static final String STORED_LAW = "stored_law";
    /**
     * The entry's unit vector (see {@link EntryVectors}), searched by HNSW with dot product,
     * which on unit vectors is the cosine at less cost. Absent while not computed yet.
     */
    static final String VECTOR = "vector";
    /** The same vector as little-endian floats, to score lexical hits the vector search did not reach. */
    static final String STORED_VECTOR = "stored_vector";
    /** The entry's {@link EntryVector#whole whole} vector, little-endian floats: read for ordering, never searched. */
    static final String STORED_WHOLE_VECTOR = "stored_whole_vector";
    static final String STORED_ARTICLE = "stored_article";

    /**
     * Searched fields with their weights. A question or phrasing is what citizens ask, so a
     * word there says more about the match than the same word in an answer, which explains
     * and mentions neighbouring topics. That preference is {@link Coverage}'s to make (a word
     * asked about counts fully there, and in confidence a word only told about counts half); in
     * BM25 the answer weighs double, because a long answer's length normalisation already lowers
     * each of its words and the concept a citizen names is often explained only there. Measured
     * with the ranking's full count of answer words: question 1, phrasing 1, answer 2 ranked the
     * right entry first for 0.791 of faq_keywords_dev (578 keyword queries, 1,532 LeCoQA entries)
     * and 0.568 of the bundled entries' held-out phrasings (183), against 0.772 and 0.519 with
     * the former 3 / 2.5 / 1 and half-counted answers.
     *
     * <p>Every field keeps Lucene's BM25 defaults (k1 1.2, b 0.75). With the hybrid ranking of
     * the query instruction (top-1 0.813 on faq_keywords_dev, 0.552 on held-out phrasings), other
     * values per field did no better: answer b 0.5 or 0.3, 0.808 / 0.546 and 0.808 / 0.541;
     * answer k1 0.8 or 1.6, 0.806 / 0.552 and 0.810 / 0.546; question and phrasing b 0.5 or 0.3,
     * 0.811 / 0.541 and 0.813 / 0.541; their k1 0.8, 0.811 / 0.541 (category set with them).
     */
    static final List<Weighted> SEARCHED = List.of(
            new Weighted(QUESTION, 1.0f),
            new Weighted(PHRASING, 1.0f),
            new Weighted(ANSWER, 2.0f),
            new Weighted(CATEGORY, 1.0f));

    /** Fields where a word counts fully towards confidence: the entry asks about it. */
    static final List<String> ASKED = List.of(QUESTION, PHRASING);
    /** Fields where a word counts half: the entry only talks about it. */
    static final List<String> TOLD = List.of(ANSWER, CATEGORY);

    record Weighted(String name, float boost) {
    }

    private FaqFields() {
    }
}
