package org.lawline.conversation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lawline.knowledge.FaqMatch;

/**
 * Where the dialog draws the line over one search's matches: answer the best match outright,
 * offer the close ones as numbered choices, or say there is no answer. The dialog decides by
 * this, and {@code ./lawline eval} measures it with the same settings, so the figures reported
 * are the thresholds the citizen meets.
 */
public enum AnswerVerdict {
    /** The best match is confident and nothing else is close to it. */
    ANSWER,
    /** One or more matches are worth offering, none clearly enough to answer. */
    CHOICES,
    /** Nothing is confident enough to offer. */
    DECLINE;

    /**
     * Judges matches ordered best first, as {@code FaqSearch} returns them. An entry that appears
     * twice (found by two of its phrasings) counts once.
     */
    public static AnswerVerdict of(List<FaqMatch> ranked, DialogSettings settings) {
        List<FaqMatch> matches = distinctEntries(ranked);
        if (matches.isEmpty() || matches.get(0).confidence() < settings.choiceConfidence()) {
            return DECLINE;
        }
        FaqMatch top = matches.get(0);
        Optional<FaqMatch> second = matches.size() > 1 ? Optional.of(matches.get(1)) : Optional.empty();
        boolean aloneAtTheTop = second.map(runnerUp -> runnerUp.confidence() < settings.choiceConfidence()
                        || runnerUp.score() < top.score() * settings.closeRatio()
                        || runnerUp.confidence() <= top.confidence() - settings.confidenceGap())
                .orElse(true);
        return top.confidence() >= settings.answerConfidence() && aloneAtTheTop ? ANSWER : CHOICES;
    }

    /** The matches, best first, each entry once (the first time it is found). */
    public static List<FaqMatch> distinctEntries(List<FaqMatch> ranked) {
        Set<String> seen = new HashSet<>();
        List<FaqMatch> distinct = new ArrayList<>(ranked.size());
        for (FaqMatch match : ranked) {
            if (match != null && match.entry() != null && seen.add(match.entry().id())) {
                distinct.add(match);
            }
        }
        return distinct;
    }
}
