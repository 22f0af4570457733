package org.lawline.knowledge;

/**
 * An import could not run at all: the file is missing, unreadable, too large, of an unknown
 * kind, or a CSV file lacks a required column. Bad rows do not raise this; they are reported
 * in the {@link ImportReport}.
 */
public class ImportFailed extends RuntimeException {

    public ImportFailed(String message) {
        super(message);
    }

    public ImportFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
