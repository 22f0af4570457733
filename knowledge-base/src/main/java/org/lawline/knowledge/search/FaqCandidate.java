package org.lawline.knowledge.search;

import org.lawline.knowledge.FaqEntry;

/** An entry a search considered for a question, with what it knows of the pair. */
public record FaqCandidate(FaqEntry entry, FaqFeatures features) {
}
