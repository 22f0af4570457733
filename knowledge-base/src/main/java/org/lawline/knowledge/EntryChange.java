package org.lawline.knowledge;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Who makes a change to an entry, and the review date it sets.
 *
 * @param changedBy  who makes it: an administrator's name, or {@code import}
 * @param reviewDate the review date to keep; empty clears it
 */
public record EntryChange(String changedBy, Optional<LocalDate> reviewDate) {

    public EntryChange {
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(reviewDate, "reviewDate");
    }
}
