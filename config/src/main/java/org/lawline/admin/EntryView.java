package org.lawline.admin;

import java.util.List;
import org.lawline.knowledge.EntryRecord;
import org.lawline.knowledge.LawReference;

/** An entry as the admin API shows it, with what administration keeps about it. */
record EntryView(String id, String question, List<String> phrasings, String answer, String category,
                 List<String> lawRefs, String reviewDate, String changedBy, boolean disabled, String updatedAt) {

    static EntryView of(EntryRecord record) {
        var entry = record.entry();
        var metadata = record.metadata();
        return new EntryView(entry.id(), entry.question(), entry.phrasings(), entry.answer(), entry.category(),
                entry.lawRefs().stream().map(LawReference::toString).toList(),
                metadata.reviewDate().map(Object::toString).orElse(null),
                metadata.changedBy(), metadata.disabled(), metadata.updatedAt().toString());
    }
}
