package org.lawline.knowledge.tuning;

import java.util.Collection;

/**
 * A search whose order can be learned again from labelled questions, for the cross-validation of
 * {@code ./lawline eval --folds}: it searches each question once and keeps what its ranking
 * reads of each candidate, so that trying settings never searches again.
 *
 * @param <Q> a question with its candidates and what the ranking reads of them
 */
public interface TunableRanking<Q extends Judged> {

    /** Searches the question once; the result ranks by any setting without searching again. */
    Q candidates(String text, Collection<String> gold);

    /** Learns the ranking's settings from training questions (the shipped ones are those it chooses on all the tuning questions). */
    CrossValidation.Learner<Q> learner();
}
