package org.lawline.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * The duty lawyer closed the consultation: it is over, and the citizen's next message starts a
 * new one (a new {@link ConversationId}) with the bot.
 */
public record ConversationClosed(EventId id, ConversationId conversation, ChannelIdentity citizen, String lawyerId,
                                 Instant closedAt) implements ConversationEvent {

    public ConversationClosed {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(citizen, "citizen");
        Objects.requireNonNull(lawyerId, "lawyerId");
        Objects.requireNonNull(closedAt, "closedAt");
    }

    @Override
    public Instant occurredAt() {
        return closedAt;
    }
}
