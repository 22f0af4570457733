package org.lawline.knowledge.importing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lawline.knowledge.ImportFailed;

/**
 * Rows of a CSV file whose header names the columns: {@code id, question, answer} required,
 * {@code category, law_refs, phrasings} optional (lists separated by {@code |}), other columns
 * ignored, in any order.
 */
final class CsvRows implements RowSource {

    private static final String LIST_SEPARATOR = "\\|";
    private static final List<String> REQUIRED = List.of("id", "question", "answer");

    private final CsvRecords records;
    private final Map<String, Integer> columns;
    private final int fieldCount;

    CsvRows(TextCursor text, int maxRowChars) {
        this.records = new CsvRecords(text, maxRowChars);
        CsvRecords.CsvRecord header = records.next()
                .orElseThrow(() -> new ImportFailed("The CSV file is empty: it needs a header row"));
        this.columns = columns(header);
        this.fieldCount = header.fields().size();
    }

    private static Map<String, Integer> columns(CsvRecords.CsvRecord header) {
        if (header.problem().isPresent()) {
            throw new ImportFailed("The CSV header cannot be read: " + header.problem().get());
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> names = header.fields();
        for (int i = 0; i < names.size(); i++) {
            columns.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw new ImportFailed("The CSV header lacks the column " + required
                        + " (it needs id, question, answer; category, law_refs, phrasings are optional)");
            }
        }
        return columns;
    }

    @Override
    public Optional<Row> next() {
        while (true) {
            Optional<CsvRecords.CsvRecord> read = records.next();
            if (read.isEmpty()) {
                return Optional.empty();
            }
            CsvRecords.CsvRecord record = read.get();
            if (record.problem().isPresent()) {
                return Optional.of(new Row.Unreadable(record.line(), record.problem().get()));
            }
            List<String> fields = record.fields();
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue; // an empty line
            }
            if (fields.size() != fieldCount) {
                return Optional.of(new Row.Unreadable(record.line(),
                        "expected " + fieldCount + " fields as in the header, found " + fields.size()));
            }
            return Optional.of(new Row.Readable(new RawRow(record.line(),
                    field(fields, "id"),
                    field(fields, "question"),
                    list(field(fields, "phrasings")),
                    field(fields, "answer"),
                    field(fields, "category"),
                    list(field(fields, "law_refs")))));
        }
    }

    private String field(List<String> fields, String column) {
        Integer index = columns.get(column);
        return index == null ? "" : fields.get(index);
    }

    private static List<String> list(String joined) {
        if (joined.isBlank()) {
            return List.of();
        }
        return Arrays.asList(joined.split(LIST_SEPARATOR));
    }
}
