package org.lawline.knowledge;

/**
 * Tells which of a fixed set of labels a text belongs to, by the meaning of the text: a small
 * classifier over sentence vectors, trained by {@link TextClassifiers#train} on labelled
 * examples. Thread safe.
 */
public interface TextClassifier {

    /** Each label's probability for the text; they add up to 1. A blank text gets every label equally. */
    LabelProbabilities classify(String text);
}
