package org.lawline.conversation.dialog;

import java.util.List;
import org.lawline.conversation.AnswerVerdict;
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
     * Judges matches ordered best first, as {@code FaqSearch} returns them, by the line
     * {@link AnswerVerdict} draws.
     */
    static SearchVerdict of(List<FaqMatch> ranked, DialogSettings settings) {
        List<FaqMatch> matches = AnswerVerdict.distinctEntries(ranked);
        return switch (AnswerVerdict.of(matches, settings)) {
            case ANSWER -> new Clear(matches.get(0));
            case CHOICES -> new Close(matches.stream()
                    .filter(match -> match.confidence() >= settings.choiceConfidence())
                    .limit(settings.maxChoices())
                    .toList());
            case DECLINE -> new Miss();
        };
    }
}
