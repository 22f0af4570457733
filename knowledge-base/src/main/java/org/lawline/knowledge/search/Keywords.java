package org.lawline.knowledge.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A question's parts between separators: a keyword query (个体工商户；夫妻债务) is its keywords,
 * each of which an answering entry usually holds as written; a plain question is one part.
 */
final class Keywords {

    private static final Pattern SEPARATORS = Pattern.compile("[;；,，、/|\\s]+");

    private final List<String> parts;

    Keywords(String question) {
        List<String> found = new ArrayList<>();
        for (String part : SEPARATORS.split(Vocabulary.readPart(question).toLowerCase(Locale.ROOT))) {
            if (part.codePoints().anyMatch(Character::isLetter)) {
                found.add(part);
            }
        }
        this.parts = List.copyOf(found);
    }

    /** The share of the parts that this text (normalised and lower-cased) holds verbatim; 0 without parts. */
    double heldIn(String text) {
        if (parts.isEmpty()) {
            return 0;
        }
        int held = 0;
        for (String part : parts) {
            if (text.contains(part)) {
                held++;
            }
        }
        return (double) held / parts.size();
    }
}
