package org.lawline.knowledge.search;

/**
 * How sure a match is once the entry's vector is known: the word {@link Coverage} confidence,
 * doubted when question and entry mean unrelated things, and lifted towards 1 by how close
 * their meanings are. With c the cosine of question and entry vectors:
 *
 * <pre>
 * kinship    = clamp((c − UNRELATED) / (FLOOR − UNRELATED), 0, 1)
 * closeness  = clamp((c − FLOOR) / (CLEAR − FLOOR), 0, 1)
 * doubted    = coverage × (DOUBT + (1 − DOUBT) × kinship)
 * confidence = doubted + (1 − doubted) × LIFT × closeness
 * </pre>
 *
 * <p>Measured on the bundled entries with bge-small-zh (quantised): every phrasing that words
 * alone ranked on its own entry had a cosine of at least 0.558 to it (1st percentile 0.73,
 * median 0.84), so from {@link #FLOOR} up nothing is doubted and the entry's own question keeps
 * confidence 1. Off-topic text whose words happened to cover an entry (你叫什么名字 → an entry
 * mentioning 名字, 顶顶顶, 外面风大不大) had cosines of 0.36 to 0.46 and coverage up to 0.71: the
 * doubt takes those below 0.35. Weather, recipes and greetings reached at most 0.52.
 */
final class Similarity {

    /** At or below this cosine question and entry are unrelated in meaning. */
    static final double UNRELATED = 0.40;
    /** From this cosine up meanings are related: no doubt, and the lift begins. */
    static final double FLOOR = 0.55;
    /** At and above this cosine the meaning is as close as rewordings of one question get. */
    static final double CLEAR = 0.85;
    /** What is left of coverage when meanings are unrelated. */
    static final double DOUBT = 0.4;
    /** How much of the missing coverage closeness can make up. */
    static final double LIFT = 0.6;

    private Similarity() {
    }

    /** From 0 (no kinship) to 1 (as close as rewordings get). */
    static double closeness(double cosine) {
        return clamp((cosine - FLOOR) / (CLEAR - FLOOR));
    }

    /** From 0 (coverage and cosine both nothing) to 1. */
    static double confidence(double coverage, double cosine) {
        double kinship = clamp((cosine - UNRELATED) / (FLOOR - UNRELATED));
        double doubted = coverage * (DOUBT + (1 - DOUBT) * kinship);
        return doubted + (1 - doubted) * LIFT * closeness(cosine);
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
