package org.lawline.knowledge.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records of an RFC 4180 CSV file: comma-separated fields, fields in double quotes may hold
 * commas, line breaks and doubled quotes ({@code ""}); records end at a line break (LF or
 * CRLF) outside quotes. A record longer than the limit is read to its end but not kept.
 */
final class CsvRecords {

    /** One record, or why it could not be read, with the line it starts on. */
    record CsvRecord(long line, List<String> fields, Optional<String> problem) {
    }

    private final TextCursor text;
    private final int maxRecordChars;

    CsvRecords(TextCursor text, int maxRecordChars) {
        this.text = text;
        this.maxRecordChars = maxRecordChars;
    }

    /** The next record, or empty at the end of the file. */
    Optional<CsvRecord> next() {
        long line = text.line();
        int c = text.next();
        if (c == TextCursor.END) {
            return Optional.empty();
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int chars = 0;
        String problem = null;
        boolean quoted = false;
        boolean afterClosingQuote = false;
        for (; ; c = text.next()) {
            if (c == TextCursor.END) {
                if (quoted) {
                    problem = "quoted field not closed before the end of the file";
                }
                break;
            }
            chars++;
            if (chars > maxRecordChars && problem == null) {
                problem = "record longer than " + maxRecordChars + " characters";
            }
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    quoted = false;
                    afterClosingQuote = true;
                } else {
                    append(field, ch, problem);
                }
            } else if (ch == ',') {
                if (problem == null) {
                    fields.add(field.toString()); // a refused record of a million commas must not fill memory
                }
                field.setLength(0);
                afterClosingQuote = false;
            } else if (ch == '\n') {
                break;
            } else if (ch == '\r') {
                // CR is part of the CRLF record end; a CR inside quotes was kept above
                continue;
            } else if (ch == '"') {
                if (afterClosingQuote) {
                    append(field, '"', problem); // a doubled quote inside a quoted field
                    quoted = true;
                    afterClosingQuote = false;
                } else if (field.isEmpty()) {
                    quoted = true;
                } else if (problem == null) {
                    problem = "quote inside an unquoted field";
                }
            } else {
                if (afterClosingQuote && problem == null) {
                    problem = "text after a closing quote";
                }
                append(field, ch, problem);
            }
        }
        fields.add(field.toString());
        if (problem != null) {
            return Optional.of(new CsvRecord(line, List.of(), Optional.of(problem)));
        }
        return Optional.of(new CsvRecord(line, fields, Optional.empty()));
    }

    private static void append(StringBuilder field, char ch, String problem) {
        // once a record is refused its text is no longer kept
        if (problem == null) {
            field.append(ch);
        }
    }
}
