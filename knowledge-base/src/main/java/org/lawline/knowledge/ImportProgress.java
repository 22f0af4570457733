package org.lawline.knowledge;

/**
 * Told how far an import has got, so a command line can draw a progress display. Called on
 * the importing thread every few hundred rows and once at the end.
 */
@FunctionalInterface
public interface ImportProgress {

    /** Ignores progress. */
    ImportProgress NONE = (rowsRead, bytesRead, totalBytes) -> { };

    /**
     * @param rowsRead   rows read so far, good and bad
     * @param bytesRead  bytes of the file consumed so far; runs ahead of the rows by at most a
     *                   read buffer, and equals {@code totalBytes} at the end
     * @param totalBytes the file's size, or -1 when it is not known (a stream)
     */
    void progressed(long rowsRead, long bytesRead, long totalBytes);
}
