package org.lawline.knowledge;

/** An entry with what administration keeps about it. */
public record EntryRecord(FaqEntry entry, EntryMetadata metadata) {
}
