package org.lawline.knowledge.importing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Characters of a file one at a time, knowing the line each is on. Buffers by hand because
 * {@code BufferedReader.read()} locks on every character, and a 100 MB import is a hundred
 * million calls.
 */
final class TextCursor {

    static final int END = -1;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Reader reader;
    private final char[] buffer = new char[16 * 1024];
    private int position;
    private int limit;
    private long line = 1;
    private boolean started;

    TextCursor(Reader reader) {
        this.reader = reader;
    }

    /** The next character, or {@link #END}. */
    int next() {
        if (position == limit && !fill()) {
            return END;
        }
        char c = buffer[position++];
        if (!started) {
            started = true;
            if (c == BYTE_ORDER_MARK) {
                return next();
            }
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    /** The line of the character {@link #next} returns next, counting from 1. */
    long line() {
        return line;
    }

    private boolean fill() {
        try {
            int n;
            do {
                n = reader.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
