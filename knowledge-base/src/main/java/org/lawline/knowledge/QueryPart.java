package org.lawline.knowledge;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Which queries of a labelled file tuning may see. About one query in five is held out, chosen by
 * a hash of its text: the same query is held out in every run, whatever the file's order, and
 * the choice is independent of the cross-validation's folds (whose hash is unsalted). Tuning and cross-validation use
 * the {@link #TUNING} part; the {@link #HELD_OUT} part is measured once, with the settings
 * chosen, so that a gain that only fits the tuned questions shows.
 */
public enum QueryPart {
    ALL,
    TUNING,
    HELD_OUT;

    /** One in this many queries is held out. */
    static final int HELD_OUT_ONE_IN = 5;
    /** Salts the hash so that the held-out part is not one of the folds. */
    private static final String SALT = "held-out:";

    public boolean holds(String queryText) {
        return switch (this) {
            case ALL -> true;
            case TUNING -> !heldOut(queryText);
            case HELD_OUT -> heldOut(queryText);
        };
    }

    private static boolean heldOut(String queryText) {
        return bucket(SALT + queryText, HELD_OUT_ONE_IN) == 0;
    }

    /** A stable bucket of {@code buckets} for the text: CRC-32 of its UTF-8 bytes. */
    private static int bucket(String text, int buckets) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % buckets);
    }
}
