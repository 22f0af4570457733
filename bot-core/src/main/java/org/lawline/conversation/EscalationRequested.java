package org.lawline.conversation;

import java.time.Instant;
import java.util.Objects;

/** A citizen's chat should go to the duty lawyer on shift. */
public record EscalationRequested(EventId id, ConversationId conversation, ChannelIdentity citizen, Reason reason,
                                  Instant requestedAt) implements ConversationEvent {

    public enum Reason {
        /** The citizen asked for a person (人工 / 律师 / 转人工). */
        ASKED_FOR_PERSON,
        /** The bot failed to answer twice in a row. */
        REPEATED_MISSES
    }

    public EscalationRequested {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(citizen, "citizen");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    @Override
    public Instant occurredAt() {
        return requestedAt;
    }
}
