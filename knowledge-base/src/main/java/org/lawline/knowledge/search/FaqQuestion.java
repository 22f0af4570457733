package org.lawline.knowledge.search;

import java.util.Collection;
import java.util.List;
import org.lawline.knowledge.tuning.Judged;

/**
 * A labelled question searched once, with the candidates its search weighed: what tuning ranks
 * again under each setting without searching again.
 */
public record FaqQuestion(String text, Collection<String> gold, List<FaqCandidate> candidates) implements Judged {

    public FaqQuestion {
        gold = List.copyOf(gold);
        candidates = List.copyOf(candidates);
    }
}
