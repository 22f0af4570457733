package org.lawline.knowledge.importing;

import java.util.Optional;

/** Rows of one file, in order. Not thread safe. */
interface RowSource {

    /** The next non-empty row, or empty at the end of the file. */
    Optional<Row> next();
}
