package org.lawline.knowledge.importing;

/** A row of an import file: readable, or not, with why. */
sealed interface Row {

    long line();

    record Readable(RawRow row) implements Row {
        @Override
        public long line() {
            return row.line();
        }
    }

    record Unreadable(long line, String reason) implements Row {
    }
}
