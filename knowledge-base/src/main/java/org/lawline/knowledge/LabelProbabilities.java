package org.lawline.knowledge;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A classifier's probability for each of its labels, most probable first, and how close the text
 * came to the nearest training example of each label.
 *
 * @param byLabel each label's probability
 * @param closest each label's highest cosine between the text and one of its training examples:
 *                a probability says which label is likeliest, this says whether the text is like
 *                anything the classifier was shown at all (a recipe question is like none of its
 *                examples, yet some label must be likeliest)
 */
public record LabelProbabilities(Map<String, Double> byLabel, Map<String, Double> closest) {

    public LabelProbabilities {
        Objects.requireNonNull(byLabel, "byLabel");
        closest = Map.copyOf(closest);
        if (byLabel.isEmpty()) {
            throw new IllegalArgumentException("A classification has at least one label");
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        byLabel.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        byLabel = java.util.Collections.unmodifiableMap(sorted);
    }

    /** The most probable label. */
    public String best() {
        return byLabel.keySet().iterator().next();
    }

    /** The label's probability; 0 for a label the classifier does not know. */
    public double of(String label) {
        return byLabel.getOrDefault(label, 0.0);
    }

    /** The summed probability of the labels that pass the test (a family of labels such as "emergency:…"). */
    public double ofAll(Predicate<String> labels) {
        return byLabel.entrySet().stream().filter(e -> labels.test(e.getKey())).mapToDouble(Map.Entry::getValue).sum();
    }

    /** The highest cosine between the text and a training example of the label; -1 for a label the classifier does not know. */
    public double closest(String label) {
        return closest.getOrDefault(label, -1.0);
    }

    /** The most probable of the labels that pass the test, if the classifier knows any. */
    public java.util.Optional<String> bestOf(Predicate<String> labels) {
        return byLabel.keySet().stream().filter(labels).findFirst();
    }
}
