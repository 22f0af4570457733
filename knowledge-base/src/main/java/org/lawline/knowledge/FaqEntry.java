package org.lawline.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * One knowledge-base entry: a question, other ways citizens ask it, the answer in plain Chinese,
 * its category and the law articles the answer rests on.
 */
public record FaqEntry(
        String id,
        String question,
        List<String> phrasings,
        String answer,
        String category,
        List<LawReference> lawRefs) {

    public FaqEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        phrasings = phrasings == null ? List.of() : List.copyOf(phrasings);
        category = category == null ? "" : category;
        lawRefs = lawRefs == null ? List.of() : List.copyOf(lawRefs);
        if (id.isBlank() || question.isBlank() || answer.isBlank()) {
            throw new IllegalArgumentException("An entry needs an id, a question and an answer");
        }
    }
}
