package org.lawline.conversation;

import java.util.Objects;

/**
 * How many records of one kind a purge stripped or deleted.
 *
 * @param kind    the table the records are in ({@code conversation_turn}, {@code outbound_part} …):
 *                stable names an operator can look up
 * @param records how many were changed by this run; 0 when there was nothing to do
 */
public record PurgeCount(String kind, int records) {

    public PurgeCount {
        Objects.requireNonNull(kind, "kind");
        if (records < 0) {
            throw new IllegalArgumentException("A purge cannot change " + records + " records");
        }
    }
}
