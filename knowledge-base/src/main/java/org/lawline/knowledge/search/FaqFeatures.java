package org.lawline.knowledge.search;

/**
 * What a search knows of one candidate entry for a question: everything its place in the
 * results and its confidence are computed from ({@link FaqRanking}). General properties of a
 * question and an entry, never of a particular entry or law.
 *
 * @param relevance     BM25 score over the best lexical hit's; 0 when found by meaning only
 * @param coverage      confidence by words ({@link Coverage.Score#confidence})
 * @param rankCoverage  what the words make of the candidate for ordering ({@link Coverage.Score#ranking})
 * @param questionShare the same without entry coverage ({@link Coverage.Score#questionShare})
 * @param cosine        of the question as typed and the entry's {@link EntryVector#asked asked} vector; NaN
 *                      when the entry has no vectors (yet) or the index is keywords only
 * @param searchCosine  of the question after the model's query instruction and the same vector; NaN as above
 * @param wholeCosine   of the question after the instruction and the entry's {@link EntryVector#whole whole}
 *                      vector (question and answer); NaN as above
 */
public record FaqFeatures(double relevance, double coverage, double rankCoverage, double questionShare,
                          double cosine, double searchCosine, double wholeCosine) {

    /** Whether the entry's vectors were known, so that meaning can count. */
    public boolean meaningKnown() {
        return !Double.isNaN(cosine);
    }
}
