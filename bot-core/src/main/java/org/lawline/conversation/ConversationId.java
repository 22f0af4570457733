package org.lawline.conversation;

import java.util.Objects;
import java.util.UUID;

/**
 * One consultation: from a citizen's first message after the last consultation closed (or idled
 * out with the bot) to its close. Turns, escalations, callbacks and deliveries carry it, so the
 * inbox, the callbacks and the reports can point at one consultation rather than at everything a
 * citizen ever asked. {@link #toString()} is the id as stored in columns and keys.
 */
public record ConversationId(UUID value) {

    public ConversationId {
        Objects.requireNonNull(value, "value");
    }

    /** A consultation that starts now. */
    public static ConversationId next() {
        return new ConversationId(UUID.randomUUID());
    }

    /**
     * @throws IllegalArgumentException when {@code text} is not an id this type wrote
     */
    public static ConversationId of(String text) {
        return new ConversationId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
