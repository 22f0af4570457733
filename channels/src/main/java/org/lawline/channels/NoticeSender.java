package org.lawline.channels;

/**
 * Sends notices to WeChat citizens: as a customer-service message while the citizen's window is
 * open, else as the account's template message for the notice's kind. Every attempt is recorded;
 * nothing is retried in a loop. Thread safe.
 */
public interface NoticeSender {

    enum Outcome {
        /** Sent as a chat message. */
        SENT,
        /** The window was closed: sent as a template message. */
        SENT_AS_TEMPLATE,
        /** The citizen unfollowed the account. */
        UNSUBSCRIBED,
        /** Neither way was open (no template configured for the kind, or WeChat refused it). */
        NOT_DELIVERED
    }

    /** @throws IllegalArgumentException when the notice is not for a WeChat citizen */
    Outcome send(Notice notice);
}
