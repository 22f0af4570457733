package org.lawline.knowledge;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads knowledge-base entries from a file, streaming: JSON Lines ({@code .jsonl}, one object
 * per line with {@code id, question, answer, category, law_refs} and optional
 * {@code phrasings}) or CSV ({@code .csv}, RFC 4180, a header naming the columns
 * {@code id, question, answer} and optionally {@code category, law_refs, phrasings}, lists
 * separated by {@code |}). Files are UTF-8.
 *
 * <p>Each good row is handed to the caller as soon as it is read; each bad row (bad JSON or CSV,
 * missing id, question or answer, unreadable law reference, text over the {@link ImportLimits})
 * is reported with its line and the import goes on. Memory use does not grow with the file.
 * Thread safe: one instance can run several imports at once. The service's import is a bean
 * ({@link KnowledgeBaseConfiguration}); code without an application context gets one from
 * {@link KnowledgeWiring#faqImport}.
 */
public interface FaqImport {

    /** The kinds of file an import reads. */
    enum Format {
        JSONL, CSV;

        /**
         * The format a file's name says it has.
         *
         * @throws ImportFailed when the name ends in neither .jsonl nor .csv
         */
        public static Format of(Path file) {
            String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
                return JSONL;
            }
            if (name.endsWith(".csv")) {
                return CSV;
            }
            throw new ImportFailed("Cannot tell the format of " + file.getFileName() + ": name it .jsonl or .csv");
        }
    }

    /** The limits this import reads within. */
    ImportLimits limits();

    /** The same import, reading within other limits (an upload's own size cap, say). */
    FaqImport withLimits(ImportLimits limits);

    /**
     * Reads the file, its format told by its name.
     *
     * @param accepted given each good entry in file order; an exception it throws ends the import
     * @throws ImportFailed when the file is missing, unreadable, over the size limit, of an
     *                      unknown format, or a CSV file without the columns it needs
     */
    ImportReport read(Path file, Consumer<FaqEntry> accepted, ImportProgress progress);

    /**
     * Reads a UTF-8 stream to its end, without closing it; progress reports give the total
     * size as -1.
     *
     * @throws ImportFailed as {@link #read(Path, Consumer, ImportProgress)} does
     */
    ImportReport read(InputStream in, Format format, Consumer<FaqEntry> accepted, ImportProgress progress);
}
