package org.lawline.conversation.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetAsideLinesTest {

    @TempDir
    Path root;

    private final Instant now = Instant.parse("2026-12-05T10:00:00Z");

    private SetAsideLines writerIn(String slot, Instant at) throws IOException {
        return new SetAsideLines(Files.createDirectories(root.resolve(slot)), Clock.fixed(at, ZoneOffset.UTC));
    }

    @Test
    void aLineIsKeptInItsDaysOwnerOnlyFile() throws IOException {
        SetAsideLines lines = writerIn("0", now);

        lines.keep("{\"citizenId\":\"oAbc\",\"text\":\"老板欠薪\"}");

        Path file = root.resolve("0/refused-2026-12-05.jsonl");
        assertThat(lines.today()).isEqualTo(file);
        assertThat(Files.readAllLines(file)).containsExactly("{\"citizenId\":\"oAbc\",\"text\":\"老板欠薪\"}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void thePurgeDropsEveryJournalsDaysThatEndedBeforeTheCutoff_andKeepsTheRest() throws IOException {
        writerIn("0", now.minus(Duration.ofDays(200))).keep("{\"text\":\"很久以前\"}");
        writerIn("0", now.minus(Duration.ofDays(200))).keep("{\"text\":\"同一天\"}");
        writerIn("events/1", now.minus(Duration.ofDays(181))).keep("{\"text\":\"事件\"}");
        writerIn("0", now.minus(Duration.ofDays(2))).keep("{\"text\":\"最近\"}");
        // the single file of earlier versions goes by its last write
        Path earlier = Files.writeString(root.resolve("0/refused.jsonl"), "{\"text\":\"旧版本\"}\n");
        Files.setLastModifiedTime(earlier, FileTime.from(now.minus(Duration.ofDays(300))));

        int dropped = new SetAsideLines(root, Clock.fixed(now, ZoneOffset.UTC)).dropOlderThan(now.minus(Duration.ofDays(180)));

        assertThat(dropped).isEqualTo(4);
        assertThat(Files.exists(earlier)).isFalse();
        try (var left = Files.walk(root)) {
            assertThat(left.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()))
                    .containsExactly("0/refused-" + now.minus(Duration.ofDays(2)).atZone(ZoneOffset.UTC).toLocalDate() + ".jsonl");
        }
    }

    @Test
    void aDayIsKeptWhileItsLastPossibleLineIsNewerThanTheCutoff() throws IOException {
        writerIn("0", Instant.parse("2026-06-08T23:59:00Z")).keep("{\"text\":\"那天深夜\"}");

        // the cutoff falls inside the day: a line written later that day would still be within retention
        assertThat(new SetAsideLines(root, Clock.systemUTC()).dropOlderThan(Instant.parse("2026-06-08T12:00:00Z"))).isZero();
        assertThat(new SetAsideLines(root, Clock.systemUTC()).dropOlderThan(Instant.parse("2026-06-09T00:00:00Z"))).isEqualTo(1);
    }

    @Test
    void forgettingACitizenRewritesTheFilesWithoutTheirLinesOnly() throws IOException {
        SetAsideLines lines = writerIn("0", now);
        lines.keep("{\"citizenId\":\"oAbc\",\"text\":\"第一句\"}");
        lines.keep("{\"citizenId\":\"oAbcd\",\"text\":\"别人\"}");
        lines.keep("{\"citizenId\":\"oAbc\",\"text\":\"第二句\"}");
        writerIn("events/0", now).keep("{\"event\":{\"citizen\":{\"citizenId\":\"oAbc\"}}}");

        int dropped = new SetAsideLines(root, Clock.systemUTC()).forget("oAbc");

        assertThat(dropped).isEqualTo(3);
        assertThat(Files.readAllLines(lines.today())).containsExactly("{\"citizenId\":\"oAbcd\",\"text\":\"别人\"}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lines.today()))).isEqualTo("rw-------");
        assertThat(Files.exists(root.resolve("events/0/refused-2026-12-05.jsonl"))).as("a file left empty is deleted").isFalse();
    }
}
