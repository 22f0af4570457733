package org.lawline.knowledge.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqImport;
import org.lawline.knowledge.ImportFailed;
import org.lawline.knowledge.ImportLimits;
import org.lawline.knowledge.ImportProgress;
import org.lawline.knowledge.ImportReport;

/**
 * Reads knowledge-base files: hands each good row to the caller as it is read and collects
 * the bad ones with their line numbers. Holds one row in memory at a time.
 */
public final class FaqFileReader implements FaqImport {

    /** How often, in rows, progress is reported. */

    private final ImportLimits limits;
    private final EntryRules rules;

    public FaqFileReader(ImportLimits limits) {
        this.limits = limits;
        this.rules = new EntryRules(limits);
    }

    @Override
    public ImportLimits limits() {
        return limits;
    }

    @Override
    public FaqImport withLimits(ImportLimits limits) {
        return new FaqFileReader(limits);
    }

    @Override
    public ImportReport read(Path file, Consumer<FaqEntry> accepted, ImportProgress progress) {
        Format format = Format.of(file);
        try {
            long size = Files.size(file);
            limits.requireFileOf(size);
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, format, size, accepted, progress);
            }
        } catch (NoSuchFileException e) {
            throw new ImportFailed("No such file: " + file, e);
        } catch (IOException e) {
            throw new ImportFailed("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ImportReport read(InputStream in, Format format, Consumer<FaqEntry> accepted, ImportProgress progress) {
        return read(in, format, -1, accepted, progress);
    }

    /**
     * Reads the UTF-8 stream (a byte-order mark is skipped) to its end. Does not close it.
     *
     * @param totalBytes the stream's length for progress reports, or -1 when unknown
     * @throws ImportFailed when the stream cannot be read, passes the size limit, or is a CSV
     *                      file without the header it needs
     */
    public ImportReport read(InputStream in, Format format, long totalBytes,
                             Consumer<FaqEntry> accepted, ImportProgress progress) {
        CountingInputStream counted = new CountingInputStream(in, limits.maxFileBytes());
        TextCursor text = new TextCursor(new InputStreamReader(counted, StandardCharsets.UTF_8));
        ImportTally tally = new ImportTally(counted, totalBytes, progress);
        try {
            RowSource source = switch (format) {
                case JSONL -> new JsonlRows(text, limits.maxRowChars());
                case CSV -> new CsvRows(text, limits.maxRowChars());
            };
            for (Optional<Row> next = source.next(); next.isPresent(); next = source.next()) {
                tally.row(next.get().line(), take(next.get(), accepted));
            }
        } catch (UncheckedIOException e) {
            throw new ImportFailed("The file could not be read: " + e.getCause().getMessage(), e);
        }
        return tally.finish();
    }

    private Optional<String> take(Row row, Consumer<FaqEntry> accepted) {
        if (row instanceof Row.Unreadable unreadable) {
            return Optional.of(unreadable.reason());
        }
        EntryRules.Verdict verdict = rules.check(((Row.Readable) row).row());
        if (verdict instanceof EntryRules.Verdict.Refused refused) {
            return Optional.of(refused.reason());
        }
        accepted.accept(((EntryRules.Verdict.Accepted) verdict).entry());
        return Optional.empty();
    }
}
