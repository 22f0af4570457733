package org.lawline.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * No duty lawyer picked the chat up in time, and the 12348 hotline now has a number to call the
 * citizen back on: one the citizen typed and confirmed after it was read back to them, or the
 * number the citizen writes from (SMS). Handoff puts the callback on the operators' list.
 */
public record CallbackNumberConfirmed(EventId id, ConversationId conversation, ChannelIdentity citizen, MobileNumber phone,
                                      Instant confirmedAt) implements ConversationEvent {

    public CallbackNumberConfirmed {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(citizen, "citizen");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
    }

    @Override
    public Instant occurredAt() {
        return confirmedAt;
    }
}
