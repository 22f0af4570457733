package org.lawline.conversation.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What citizens wrote, phone numbers included, is readable by the service's own user alone. */
class TranscriptJournalPermissionsTest {

    @TempDir Path base;

    @Test
    void journalSegmentsAndRefusedLinesAreOwnerOnly() throws Exception {
        Path segment;
        try (TranscriptJournal journal = TranscriptJournal.openFirstFree(base, 1024 * 1024)) {
            journal.append("{\"text\":\"我的电话是13800138000\"}");
            segment = journal.segments().get(0);
            TranscriptJournal.appendOwnerOnly(journal.directory().resolve("refused.jsonl"), "{\"text\":\"拒收的一行\"}");

            assertThat(permissions(journal.directory())).isEqualTo("rwx------");
            assertThat(permissions(segment)).isEqualTo("rw-------");
            assertThat(permissions(journal.directory().resolve("refused.jsonl"))).isEqualTo("rw-------");
        }
    }

    @Test
    void aSegmentLeftWorldReadableByAnEarlierVersionIsClosedUpOnOpen() throws Exception {
        Path old;
        try (TranscriptJournal journal = TranscriptJournal.openFirstFree(base, 1024 * 1024)) {
            journal.append("{\"text\":\"旧的一行\"}");
            old = journal.segments().get(0);
        }
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(old.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));

        try (TranscriptJournal reopened = TranscriptJournal.openFirstFree(base, 1024 * 1024)) {
            assertThat(permissions(old)).isEqualTo("rw-------");
            assertThat(permissions(reopened.directory())).isEqualTo("rwx------");
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
