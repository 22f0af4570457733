package org.lawline.conversation;

import java.util.Locale;

/** What kind of reply the bot gave. {@link #wireName()} is the name in JSON output. */
public enum ReplyKind {
    ANSWER, CHOICES, HANDOFF, REFERRAL, EMERGENCY, NO_ANSWER, GREETING,
    /** No entry fits, but one or two law articles are close to the question: shown, with a lawyer offered. */
    LAW,
    /** The bot asks the citizen for a fact: a pre-check question, a callback number, a confirmation. */
    PROMPT,
    /** The legal-aid pre-check's outcome. */
    ASSESSMENT,
    /** The full text of the law articles an earlier answer cited (查看法条). */
    ARTICLES,
    /** Legal-service offices: of the district the citizen named or nearest their location; or the question which district. */
    OFFICES,
    /** Nothing from the bot: a duty lawyer holds the chat and gets the message. */
    RELAYED,
    /** The duty lawyer closed the consultation: the citizen is asked to rate it (满意 / 不满意). */
    RATING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
