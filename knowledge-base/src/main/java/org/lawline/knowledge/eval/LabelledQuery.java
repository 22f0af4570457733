package org.lawline.knowledge.eval;

import java.util.List;
import org.lawline.knowledge.tuning.Judged;

/**
 * A question with the ids of the documents that answer it; none when nothing should be answered.
 */
public record LabelledQuery(String text, List<String> gold) implements Judged {

    public LabelledQuery {
        gold = List.copyOf(gold);
    }
}
