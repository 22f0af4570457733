package org.lawline.knowledge.law;

/** The fields of an article's Lucene document, shared by indexing and querying. */
final class LawFields {

    /** Exact, not analysed: the key of lookups and updates. Stored. */
    static final String ID = "id";
    /** The law's name without 中华人民共和国, in words: a question naming the law (劳动合同法) leans to its articles. */
    static final String LAW = "law";
    /** Book and chapter titles, in words: they name the topic (劳动合同的解除和终止) in few words. */
    static final String HEADING = "heading";
    /** The article's text in smartcn words. */
    static final String TEXT = "text";
    /**
     * Law name, headings and text as character bigrams: smartcn cuts legal compounds
     * (用人单位, 经济补偿) differently in a question and in an article, bigrams match them anyway.
     */
    static final String BIGRAMS = "bigrams";

    /** The article's passage vector ({@link ArticleVectors}), for nearest-neighbour search; absent until computed. */
    static final String VECTOR = "vector";
    /** The same vector stored, for the cosine of candidates found by words. */
    static final String STORED_VECTOR = "stored_vector";
    /** One stored vector per clause of an article of several sentences ({@link ArticleVectors#clauses}). */
    static final String STORED_CLAUSE_VECTOR = "stored_clause_vector";

    static final String STORED_LAW = "stored_law";
    static final String STORED_ARTICLE = "stored_article";
    static final String STORED_TEXT = "stored_text";
    static final String STORED_BOOK = "stored_book";
    static final String STORED_CHAPTER = "stored_chapter";

    private LawFields() {
    }
}
