package org.lawline.channels.delivery;

import java.time.Instant;
import java.util.Optional;
import org.lawline.conversation.ChannelIdentity;

/**
 * One part of a message to a citizen, as the outbox hands it to a platform to send.
 *
 * @param messageId the message this is a part of: what a delivery result names
 * @param kind      the reply's kind ({@code handoff}, {@code greeting} …) when the message is a reply of the engine's
 * @param createdAt when the message was composed
 */
public record OutboundPart(long id, String messageId, ChannelIdentity to, Purpose purpose, int number, String text,
                           Optional<String> kind, Instant createdAt) {

    /** The text is the citizen's business, not the log's. */
    @Override
    public String toString() {
        return "OutboundPart[id=" + id + ", message=" + messageId + ", to=" + to + ", part=" + number + "]";
    }
}
