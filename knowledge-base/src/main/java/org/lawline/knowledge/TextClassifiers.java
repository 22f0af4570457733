package org.lawline.knowledge;

import java.util.List;

/**
 * Trains {@link TextClassifier}s with the knowledge base's in-process sentence model
 * (bge-small-zh), for modules that recognise what a message is from labelled examples. Thread
 * safe.
 */
public interface TextClassifiers {

    /**
     * A classifier of these examples' labels. Embeds every example now (or reads its vector from
     * the on-disk cache; about 5 ms an example on two cores the first time) and fits the model:
     * a few seconds for a few thousand examples.
     *
     * @throws IllegalArgumentException when the examples have fewer than two labels
     */
    TextClassifier train(List<LabelledExample> examples);
}
