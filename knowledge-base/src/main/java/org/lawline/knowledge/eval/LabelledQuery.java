package org.lawline.knowledge.eval;

import java.util.List;

/**
 * A question with the ids of the documents that answer it; none when nothing should be answered.
 */
public record LabelledQuery(String text, List<String> gold) {

    public LabelledQuery {
        gold = List.copyOf(gold);
    }
}
