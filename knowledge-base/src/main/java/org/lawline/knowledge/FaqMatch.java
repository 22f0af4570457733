package org.lawline.knowledge;

/**
 * One ranked search result.
 *
 * @param score      the raw ranking score (comparable only within one search)
 * @param confidence how much of the question the entry covers, from 0 (nothing) to 1 (all of it);
 *                   comparable across searches, so a caller can decide whether to answer at all
 */
public record FaqMatch(FaqEntry entry, double score, double confidence) {
}
