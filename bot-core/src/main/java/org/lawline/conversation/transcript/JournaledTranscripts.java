package org.lawline.conversation.transcript;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Transcripts that are never lost and never slow a reply: {@link #record} appends the turn to a
 * local journal (a few microseconds: one write to the operating system), and one writer thread
 * copies the journal into the database in batches, retrying with a growing pause (up to
 * {@code longestPause}) for as long as the database is down; the journal just grows meanwhile.
 * After a crash or a restart the writer starts from the oldest segment still on disk; rows stored
 * twice are recognised by their id.
 *
 * <p>A turn the database refuses for what it holds (not for being down) is appended to
 * {@code refused-<day>.jsonl} ({@link SetAsideLines}, purged with the transcripts) in the journal's
 * directory and logged at ERROR, so one bad row cannot hold
 * up the rest. Thread safe; {@link #close} lets the writer finish what the journal holds, for a
 * bounded time, and leaves the rest for the next start.
 */
public final class JournaledTranscripts implements Transcripts, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JournaledTranscripts.class);
    private static final long SEGMENT_BYTES = 8L << 20;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration IDLE_POLL = Duration.ofMillis(200);

    private final TranscriptJournal journal;
    private final JdbcTurns database;
    private final JsonMapper json = JsonMapper.builder().build();
    private final int batchSize;
    private final Duration longestPause;
    private final SetAsideLines refused;
    private final Thread writer;
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private volatile boolean closing;
    private volatile long drainDeadline;

    public JournaledTranscripts(DataSource dataSource, Path journalDir, int batchSize, Duration longestPause) {
        this.journal = TranscriptJournal.openFirstFree(journalDir, SEGMENT_BYTES);
        this.database = new JdbcTurns(dataSource);
        this.batchSize = batchSize;
        this.longestPause = Objects.requireNonNull(longestPause, "longestPause");
        this.refused = new SetAsideLines(journal.directory(), Clock.systemUTC());
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
        this.writer = new Thread(this::copyJournalToDatabase, "transcript-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void record(TurnRecord turn) {
        try {
            journal.append(json.writeValueAsString(JournalLine.of(turn)));
            appended.incrementAndGet();
            LockSupport.unpark(writer);
        } catch (IOException | RuntimeException e) {
            // the disk is full or gone: the reply still goes out; this is the one way a turn is lost
            log.error("Turn {} of {} could not be journaled: {}", turn.id(), turn.citizen(), e.toString());
        }
    }

    /** Turns appended to the journal and turns stored in the database since this started, for tests and metrics. */
    long appended() {
        return appended.get();
    }

    long stored() {
        return stored.get();
    }

    /**
     * Stops the writer once the journal is copied or {@code drain} has passed; what is left stays
     * in the journal for the next start.
     */
    public void close(Duration drain) {
        drainDeadline = System.nanoTime() + drain.toNanos();
        closing = true;
        LockSupport.unpark(writer);
        try {
            writer.join(drain.toMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            journal.close();
        } catch (IOException e) {
            log.warn("Transcript journal not closed cleanly: {}", e.toString());
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    private void copyJournalToDatabase() {
        Duration pause = FIRST_PAUSE;
        boolean failing = false;
        while (!(closing && System.nanoTime() - drainDeadline > 0)) {
            try {
                int copied = copySome();
                if (failing) {
                    log.info("Transcripts are being stored again");
                    failing = false;
                }
                pause = FIRST_PAUSE;
                if (copied == 0) {
                    if (closing) {
                        return;
                    }
                    LockSupport.parkNanos(IDLE_POLL.toNanos());
                }
            } catch (SQLException | IOException | RuntimeException e) {
                if (!failing) {
                    log.warn("Transcripts not stored ({}); they wait in the journal, retrying", e.toString());
                    failing = true;
                }
                LockSupport.parkNanos(pause.toNanos());
                pause = pause.multipliedBy(2).compareTo(longestPause) > 0 ? longestPause : pause.multipliedBy(2);
            }
        }
    }

    private Path reading;
    private long position;

    /** Copies one batch (or finishes a segment); returns how many turns went in. */
    private int copySome() throws IOException, SQLException {
        if (reading == null || !Files.exists(reading)) {
            List<Path> segments = journal.segments();
            if (segments.isEmpty()) {
                return 0;
            }
            reading = segments.get(0);
            position = 0;
        }
        // asked before reading: once a newer segment exists, this one is complete
        boolean finished = journal.finished(reading);
        TranscriptJournal.Chunk chunk = TranscriptJournal.read(reading, position, batchSize);
        if (chunk.lines().isEmpty()) {
            if (finished) {
                journal.delete(reading);
                reading = null;
                return copySome();
            }
            return 0;
        }
        List<TurnRecord> turns = new ArrayList<>(chunk.lines().size());
        for (String line : chunk.lines()) {
            try {
                turns.add(json.readValue(line, JournalLine.class).toTurn());
            } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
                // half a line from a crash, or a line this version cannot read: kept, not stored
                setAside(line, "unreadable");
            }
        }
        if (!turns.isEmpty()) {
            for (TurnRecord refusedTurn : database.store(turns)) {
                setAside(json.writeValueAsString(JournalLine.of(refusedTurn)), "refused by the database");
            }
        }
        position = chunk.end();
        stored.addAndGet(turns.size());
        return Math.max(1, turns.size());
    }

    private void setAside(String line, String why) throws IOException {
        log.error("A transcript line was {}; kept in {}", why, refused.today());
        refused.keep(line);
    }

    /** For tests: waits until every appended turn is stored, or the time is up. */
    boolean awaitStored(long count, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (stored.get() < count) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return true;
    }
}
