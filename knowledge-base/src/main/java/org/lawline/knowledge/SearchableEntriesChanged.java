package org.lawline.knowledge;

import java.util.List;

/**
 * This instance's index was rebuilt from these entries: the ones citizens' questions are now
 * answered from (the stored entries not disabled, in id order). Published at start, after an
 * import, and when a refresh finds entries another instance or an administrator changed; the
 * conversation's recogniser learns from them what a legal question reads like.
 */
public record SearchableEntriesChanged(List<FaqEntry> entries) {

    public SearchableEntriesChanged {
        entries = List.copyOf(entries);
    }
}
