package org.lawline.knowledge;

import java.util.Objects;

/**
 * A sentence and what it is an example of: one row of a labelled set that an
 * {@link ExampleIndex} compares texts with. The label means nothing to the knowledge base.
 */
public record LabelledExample(String label, String text) {

    public LabelledExample {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
        if (label.isBlank() || text.isBlank()) {
            throw new IllegalArgumentException("A labelled example needs a label and a text");
        }
    }
}
