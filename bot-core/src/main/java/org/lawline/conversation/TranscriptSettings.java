package org.lawline.conversation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How transcripts reach the database: through a journal on local disk, copied in batches by one
 * writer thread (see {@code JournaledTranscripts}). Only used when the context has a
 * {@code DataSource}.
 *
 * @param journalDir   where the journal lives: local disk that survives a restart. Each process
 *                     takes the first free numbered slot under it ({@code 0/}, {@code 1/} …), so
 *                     two contexts in one JVM or two instances on one machine never share a slot
 * @param batchSize    turns written in one transaction at most
 * @param longestPause while the database is down, the writer retries after a pause that doubles
 *                     up to this
 */
@ConfigurationProperties("lawline.conversation.transcript")
public record TranscriptSettings(
        @DefaultValue("data/transcript-journal") Path journalDir,
        @DefaultValue("200") int batchSize,
        @DefaultValue("30s") Duration longestPause) {

    @ConstructorBinding
    public TranscriptSettings {
        Objects.requireNonNull(journalDir, "lawline.conversation.transcript.journal-dir");
        Objects.requireNonNull(longestPause, "lawline.conversation.transcript.longest-pause");
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("lawline.conversation.transcript.batch-size must be 1 to 10000, got " + batchSize);
        }
        if (longestPause.isNegative() || longestPause.isZero()) {
            throw new IllegalArgumentException("lawline.conversation.transcript.longest-pause must be positive, got " + longestPause);
        }
    }

    /** The defaults, as bound from an empty environment. */
    public static TranscriptSettings defaults() {
        return new TranscriptSettings(Path.of("data/transcript-journal"), 200, Duration.ofSeconds(30));
    }
}
