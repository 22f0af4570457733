package org.lawline.knowledge;

/** An import stopped because its file or stream is larger than it may be; nothing past the limit was read. */
public final class ImportTooLarge extends ImportFailed {

    private final long maxBytes;

    public ImportTooLarge(String message, long maxBytes) {
        super(message);
        this.maxBytes = maxBytes;
    }

    /** The limit that was passed, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }
}
