package org.lawline.conversation;

import java.time.Instant;
import java.util.Objects;

/** The citizen left the queue for a duty lawyer (取消 while waiting, or gone quiet too long). */
public record EscalationCancelled(EventId id, ConversationId conversation, ChannelIdentity citizen, Instant cancelledAt)
        implements ConversationEvent {

    public EscalationCancelled {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(citizen, "citizen");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
    }

    @Override
    public Instant occurredAt() {
        return cancelledAt;
    }
}
