package org.lawline.conversation.dialog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lawline.conversation.DialogSettings;
import org.lawline.knowledge.FaqMatch;

/**
 * What to do with a search result: answer the best match, offer the close ones as choices, or
 * admit there is no answer.
 */
sealed interface SearchVerdict {

    /** The best match is confident and nothing else is close to it. */
    record Clear(FaqMatch match) implements SearchVerdict {
    }

    /** One to {@code maxChoices} matches worth offering, best first. */
    record Close(List<FaqMatch> matches) implements SearchVerdict {
        public Close {
            matches = List.copyOf(matches);
        }
    }

    /** Nothing confident enough to offer. */
    record Miss() implements SearchVerdict {
    }

    /** The knowledge base could not be searched: not the citizen's miss, so not counted as one. */
    record Failed() implements SearchVerdict {
    }

    /**
     * Judges matches ordered best first, as {@code FaqSearch} returns them. An entry that appears
     * twice (found by two of its phrasings) counts once.
     */
    static SearchVerdict of(List<FaqMatch> ranked, DialogSettings settings) {
        List<FaqMatch> matches = distinctEntries(ranked);
        if (matches.isEmpty() || matches.get(0).confidence() < settings.choiceConfidence()) {
            return new Miss();
        }
        FaqMatch top = matches.get(0);
        Optional<FaqMatch> second = matches.size() > 1 ? Optional.of(matches.get(1)) : Optional.empty();
        boolean aloneAtTheTop = second.map(runnerUp -> runnerUp.confidence() < settings.choiceConfidence()
                        || runnerUp.score() < top.score() * settings.closeRatio()
                        || runnerUp.confidence() <= top.confidence() - settings.confidenceGap())
                .orElse(true);
        if (top.confidence() >= settings.answerConfidence() && aloneAtTheTop) {
            return new Clear(top);
        }
        return new Close(matches.stream()
                .filter(match -> match.confidence() >= settings.choiceConfidence())
                .limit(settings.maxChoices())
                .toList());
    }

    private static List<FaqMatch> distinctEntries(List<FaqMatch> ranked) {
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
