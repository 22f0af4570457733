package org.lawline.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * A text message from a citizen, as a channel adapter hands it to the conversation engine.
 *
 * @param messageId the channel's id for the message (used to recognise retries)
 */
public record InboundMessage(ChannelIdentity from, String messageId, String text, Instant receivedAt) {

    public InboundMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        text = text == null ? "" : text;
    }

    /** Text is not logged; the length is enough to reason about a turn. */
    @Override
    public String toString() {
        return "InboundMessage[from=" + from + ", messageId=" + messageId + ", length=" + text.length() + "]";
    }
}
