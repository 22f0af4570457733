/**
 * Measuring a search honestly: which part of a labelled query file tuning may look at
 * ({@link org.lawline.knowledge.QueryPart}, in the API: the command line chooses it), k-fold cross-validation of a ranking
 * learned on the other folds ({@link org.lawline.knowledge.tuning.CrossValidation}), and the
 * figures it is judged by ({@link org.lawline.knowledge.tuning.RankScores}). A package of its
 * own, depending on nothing else of the module's, so that the searches can offer their rankings for
 * tuning and the evaluation, which builds those searches, can run it.
 */
package org.lawline.knowledge.tuning;
