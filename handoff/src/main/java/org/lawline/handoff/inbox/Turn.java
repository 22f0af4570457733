package org.lawline.handoff.inbox;

import java.time.Instant;
import java.util.Optional;
import org.lawline.conversation.EventId;

/**
 * One utterance of a consultation as the inbox shows it.
 *
 * @param from {@code citizen}, {@code bot} or {@code lawyer}
 * @param by      the lawyer's username, the bot's knowledge-base entry, or empty for the citizen
 * @param replyId a lawyer's message's reply, whose delivery the channels keep
 */
record Turn(String from, String text, Instant at, String by, Optional<EventId> replyId) {

    Turn(String from, String text, Instant at, String by) {
        this(from, text, at, by, Optional.empty());
    }

}
