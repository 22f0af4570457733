package org.lawline.knowledge.search;

/**
 * What a search knows of one candidate entry for a question: everything its place in the
 * results and its confidence are computed from ({@link FaqRanking}). General properties of a
 * question and an entry, never of a particular entry or law.
 *
 * @param relevance      BM25 score over the best lexical hit's; 0 when found by meaning only
 * @param askedRelevance the part of that share scored in the entry's question and phrasings
 * @param toldRelevance  the part scored in its answer and category
 * @param coverage       confidence by words ({@link Coverage.Score#confidence})
 * @param rankCoverage   what the words make of the candidate for ordering ({@link Coverage.Score#ranking})
 * @param questionShare  the same without entry coverage ({@link Coverage.Score#questionShare})
 * @param keywordsHeld   of the question's parts between separators (a keyword query's keywords), the share
 *                       the entry holds verbatim anywhere; 0 for a question without separators held nowhere
 * @param keywordsAsked  the same, held in the entry's question or phrasings
 * @param cosine         with the question as it is; NaN when the entry has no vector (yet) or the index is keywords only
 * @param searchCosine   with the question after the model's query instruction; NaN as above
 * @param lexicalRank    its place in the BM25 list (0 first), -1 when BM25 did not find it
 * @param semanticRank   its place in the nearest-vector list (0 first), -1 when not there
 */
public record FaqFeatures(double relevance, double askedRelevance, double toldRelevance, double coverage,
                          double rankCoverage, double questionShare, double keywordsHeld, double keywordsAsked,
                          double cosine, double searchCosine, int lexicalRank, int semanticRank) {

    /** Whether the entry's vector was known, so that meaning can count. */
    public boolean meaningKnown() {
        return !Double.isNaN(cosine);
    }
}
