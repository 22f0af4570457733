package org.lawline.knowledge;

import java.util.List;

/**
 * What an import did.
 *
 * @param imported          rows accepted as entries
 * @param rejected          rows refused, in file order, each with its line and reason; at most
 *                          {@link #MAX_LISTED_REJECTIONS} of them, so a file of nothing but bad
 *                          rows cannot fill memory
 * @param unlistedRejected  rows refused beyond those listed
 */
public record ImportReport(int imported, List<RejectedRow> rejected, long unlistedRejected) {

    /** How many rejected rows a report lists at most. */
    public static final int MAX_LISTED_REJECTIONS = 1_000;

    public ImportReport {
        rejected = List.copyOf(rejected);
    }

    /** Every rejected row, listed or not. */
    public long rejectedCount() {
        return rejected.size() + unlistedRejected;
    }

    /**
     * A row that was not imported.
     *
     * @param line   the line of the file where the row starts, counting from 1
     * @param reason why, in words an administrator can act on
     */
    public record RejectedRow(long line, String reason) {
    }
}
