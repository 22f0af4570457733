package org.lawline.conversation;

/**
 * Where a conversation stands. The names are part of the web API (its {@code state} field). The
 * transitions between them are drawn in {@code bot-core/STATE-MACHINE.md}.
 */
public enum DialogState {
    /** The bot answers. */
    BOT,
    /** The bot offered numbered choices and waits for a pick. */
    CLARIFYING,
    /** Waiting for a duty lawyer to pick the chat up. */
    QUEUED,
    /** A duty lawyer holds the chat; the bot is silent. */
    WITH_LAWYER,
    /** No lawyer picked the chat up in time: asking the citizen for a callback phone number. */
    COLLECTING_PHONE,
    /** A 12348 callback is scheduled; the bot still answers. */
    CALLBACK,
    /** The duty lawyer closed the consultation; the next message starts afresh with the bot. */
    CLOSED,
    /** Asking the legal-aid pre-check's questions (where the citizen lives, income, kind of matter). */
    CHECKING_ELIGIBILITY
}
