package org.lawline.conversation;

/** Where a conversation stands. The names are part of the web API (its {@code state} field). */
public enum DialogState {
    /** The bot answers. */
    BOT,
    /** The bot offered numbered choices and waits for a pick. */
    CLARIFYING,
    /** Waiting for a duty lawyer to pick the chat up. */
    QUEUED,
    /** A duty lawyer holds the chat; the bot is silent. */
    WITH_LAWYER,
    /** Asking the citizen for a callback phone number. */
    COLLECTING_PHONE,
    /** A 12348 callback is scheduled. */
    CALLBACK,
    CLOSED
}
