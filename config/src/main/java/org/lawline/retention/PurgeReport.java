package org.lawline.retention;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lawline.conversation.PurgeCount;

/**
 * What one purge did: a heading that says which records it took, then how many records of each
 * kind (table) it stripped or deleted, in the order the modules reported them.
 */
public record PurgeReport(String heading, List<PurgeCount> counts) {

    public PurgeReport {
        // two modules never share a table, but one module may report a kind twice: add them up
        Map<String, Integer> byKind = new LinkedHashMap<>();
        counts.forEach(count -> byKind.merge(count.kind(), count.records(), Integer::sum));
        counts = byKind.entrySet().stream().map(e -> new PurgeCount(e.getKey(), e.getValue())).toList();
    }

    public int total() {
        return counts.stream().mapToInt(PurgeCount::records).sum();
    }

    /** The lines {@code ./lawline purge} prints: {@code purge: …}, {@code <kind> <count>} per kind, {@code total <n>}. */
    public void print(PrintStream out) {
        out.println("purge: " + heading);
        counts.forEach(count -> out.println(count.kind() + " " + count.records()));
        out.println("total " + total());
    }
}
