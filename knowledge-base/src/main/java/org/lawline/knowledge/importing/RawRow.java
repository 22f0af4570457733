package org.lawline.knowledge.importing;

import java.util.List;

/**
 * One row of an import file as read, before it is checked: what the file said, nothing more.
 * Absent text is the empty string.
 */
record RawRow(
        long line,
        String id,
        String question,
        List<String> phrasings,
        String answer,
        String category,
        List<String> lawRefs) {
}
