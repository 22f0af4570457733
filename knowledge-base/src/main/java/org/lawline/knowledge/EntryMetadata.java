package org.lawline.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What administration keeps about an entry beside its content.
 *
 * @param reviewDate when the answer is due for legal review, if a date is set
 * @param changedBy  who changed the entry last (an administrator's name, {@code import}, or
 *                   empty when unknown, as for entries seeded or imported before this was kept)
 * @param disabled   whether the entry is switched off: kept, but never searched
 * @param updatedAt  when the entry was last written
 */
public record EntryMetadata(Optional<LocalDate> reviewDate, String changedBy, boolean disabled, Instant updatedAt) {

    public EntryMetadata {
        Objects.requireNonNull(reviewDate, "reviewDate");
        changedBy = changedBy == null ? "" : changedBy;
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
