package org.lawline.knowledge.eval;

import java.util.List;

/** One search method under evaluation. */
public interface Retriever {

    /** The ids of the best documents for the question, best first, at most {@code limit}. */
    List<Ranked> rank(String question, int limit);

    /**
     * One result.
     *
     * @param confidence how sure the method is, 0 to 1, or NaN when it does not say
     */
    record Ranked(String id, double confidence) {
    }
}
