package org.lawline.knowledge;

/** What became of a bundled entry offered to the stored ones ({@link FaqEntries#offerBundled}). */
public enum BundledOffer {
    /** Its id was new: stored. */
    ADDED,
    /** The stored entry held an earlier bundled version that nobody had edited: replaced by this one. */
    UPDATED,
    /** The stored entry is this version already. */
    CURRENT,
    /** Someone edited or imported the stored entry: left as they wrote it. */
    KEPT_EDITED
}
