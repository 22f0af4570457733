package org.lawline.knowledge.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.lawline.knowledge.ImportTooLarge;

/** Counts the bytes read through it and refuses to read past a maximum. */
final class CountingInputStream extends FilterInputStream {

    private final long maxBytes;
    private long count;

    CountingInputStream(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    private void counted(long n) {
        count += n;
        if (count > maxBytes) {
            throw new ImportTooLarge("The file is larger than the import limit of " + maxBytes + " bytes", maxBytes);
        }
    }
}
