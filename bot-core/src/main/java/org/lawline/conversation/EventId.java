package org.lawline.conversation;

import java.util.Objects;
import java.util.UUID;

/**
 * One event, however often it is delivered: a listener keeps it as a unique key, so that a
 * delivery repeated after a failure changes nothing the first one did.
 */
public record EventId(UUID value) {

    public EventId {
        Objects.requireNonNull(value, "value");
    }

    public static EventId next() {
        return new EventId(UUID.randomUUID());
    }

    /**
     * @throws IllegalArgumentException when {@code text} is not an id this type wrote
     */
    public static EventId of(String text) {
        return new EventId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
