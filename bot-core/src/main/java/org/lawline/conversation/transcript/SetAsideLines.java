package org.lawline.conversation.transcript;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Journal lines set aside because they could not be read back or the database refused them, kept
 * for a person to look at — and holding what citizens wrote, so kept no longer than the rest: one
 * file a day ({@code refused-2026-12-05.jsonl}, UTC, owner-only), dropped whole once the day is
 * past the retention period, and rewritten without a citizen's lines on a deletion request. The
 * single {@code refused.jsonl} of earlier versions is dropped once it was last written before
 * the cutoff.
 *
 * <p>A writer keeps lines in its own journal directory; the purge, given the journals' root,
 * reaches every set-aside file beneath it.
 */
final class SetAsideLines {

    private static final String PREFIX = "refused-";
    private static final String SUFFIX = ".jsonl";

    private final Path directory;
    private final Clock clock;

    SetAsideLines(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** The file a line set aside now goes to. */
    Path today() {
        return directory.resolve(PREFIX + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + SUFFIX);
    }

    void keep(String line) throws IOException {
        TranscriptJournal.appendOwnerOnly(today(), line);
    }

    /** Drops the days that ended before the cutoff; returns the lines dropped. */
    int dropOlderThan(Instant cutoff) {
        int dropped = 0;
        for (Path file : files()) {
            Instant lastPossibleLine = endOf(file);
            if (lastPossibleLine.compareTo(cutoff) <= 0) {
                dropped += lines(file).size();
                delete(file);
            }
        }
        return dropped;
    }

    /**
     * Rewrites every file without the lines that name this citizen id (as a JSON string, so a
     * longer id that contains it is not matched); returns the lines dropped.
     */
    int forget(String citizenId) {
        String named = "\"" + citizenId + "\"";
        int dropped = 0;
        for (Path file : files()) {
            List<String> all = lines(file);
            List<String> kept = all.stream().filter(line -> !line.contains(named)).toList();
            if (kept.size() < all.size()) {
                dropped += all.size() - kept.size();
                rewrite(file, kept);
            }
        }
        return dropped;
    }

    private List<Path> files() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        // the root, a journal's slots (0, 1, …) and the event journal's slots beneath events/
        try (Stream<Path> found = Files.walk(directory, 3)) {
            return found.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith("refused") && name.endsWith(SUFFIX) && Files.isRegularFile(file);
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Set-aside journal lines could not be listed in " + directory, e);
        }
    }

    /** When the last line of the file can have been written: the end of its day, or its last write. */
    private static Instant endOf(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith(PREFIX) && name.endsWith(SUFFIX)) {
            try {
                LocalDate day = LocalDate.parse(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
                return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADay) {
                // a name of someone else's making: judged by its last write, as the old single file
            }
        }
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException("Set-aside journal lines could not be read in " + file, e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Set-aside journal lines could not be read in " + file, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Set-aside journal lines could not be deleted: " + file, e);
        }
    }

    /** Written beside and moved over, owner-only, so a crash leaves the old file or the new one whole. */
    private static void rewrite(Path file, List<String> kept) {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try {
            Files.deleteIfExists(next);
            for (String line : kept) {
                TranscriptJournal.appendOwnerOnly(next, line);
            }
            if (kept.isEmpty()) {
                Files.deleteIfExists(file);
            } else {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Set-aside journal lines could not be rewritten: " + file, e);
        }
    }
}
