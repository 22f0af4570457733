package org.lawline.conversation.transcript;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lawline.conversation.ConversationEvent;
import org.lawline.conversation.Reply;
import org.lawline.conversation.ReplyComposed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's events for other modules, delivered at least once: {@link #publish} appends the
 * event to a journal on local disk (as the transcripts are: the engine's turn is no database
 * transaction, and the database may be down while the citizen still gets an answer), and one
 * dispatcher thread hands each event, in the order they were published, to the listeners. A
 * listener that throws keeps its event in the journal: the dispatcher tries it again after a pause
 * that doubles up to {@code longestPause}, for as long as it takes, and the events after it wait
 * (their order matters: a cancellation must not overtake its request). After a restart the
 * dispatcher resumes at the first event it has not seen succeed.
 *
 * <p>So a listener may see an event twice (it failed half-way, or the process stopped before the
 * success was written down), and must be idempotent: the {@link ConversationEvent#id()} is its
 * unique key.
 *
 * <p>An answer ({@link ReplyComposed} in reply to a message) is not journaled: it travels back as
 * the engine's return value, the way the message came. A reply the engine pushes on its own (the
 * pickup timeout's offer of a callback, a lawyer joining or leaving) is journaled like any other
 * event: if the channel's outbox cannot record it now (the database is down), it is recorded when it
 * can, and the outbox records a reply once however often it hears it (the reply's id is its key).
 * Anything that is not a {@link ConversationEvent} goes straight to the listeners.
 *
 * <p>Dispatching starts with the application context (after every listener is registered) and
 * stops with it; events published before then wait in the journal. An event that cannot be read
 * back (half a line from a crash) is set aside in {@code refused-<day>.jsonl} ({@link SetAsideLines},
 * purged with the transcripts) and logged at ERROR.
 */
public final class JournaledEvents implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JournaledEvents.class);
    /** Events are rare beside turns (a few per consultation): small segments, quickly deleted. */
    private static final long SEGMENT_BYTES = 1L << 20;
    private static final int BATCH = 100;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration IDLE_POLL = Duration.ofMillis(200);
    /** How long a stop waits for the journal to be handed over; what is left waits for the next start. */
    private static final Duration DRAIN = Duration.ofSeconds(5);
    private static final Map<String, Class<? extends ConversationEvent>> TYPES = Arrays
            .stream(ConversationEvent.class.getPermittedSubclasses())
            .map(type -> type.asSubclass(ConversationEvent.class))
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private final TranscriptJournal journal;
    private final ApplicationEventPublisher listeners;
    private final Duration longestPause;
    /** Replies are a sealed family: each is written with its simple name, so it is read back as itself. */
    private final JsonMapper json = JsonMapper.builder()
            .addMixIn(Reply.class, TypedReply.class)
            .registerSubtypes(Reply.class.getPermittedSubclasses())
            .build();
    private final Path checkpoint;
    private final SetAsideLines refused;
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private volatile boolean running;
    /** Stopping: the dispatcher ends once it has handed over everything journaled. */
    private volatile boolean draining;
    private Thread dispatcher;

    /**
     * @param listeners  where events are delivered: the application context
     * @param journalDir local disk that survives a restart; each process takes the first free slot
     *                   under it, and the events a stopped process left there are delivered by the
     *                   next one to take that slot
     */
    public JournaledEvents(ApplicationEventPublisher listeners, Path journalDir, Duration longestPause) {
        this.listeners = Objects.requireNonNull(listeners, "listeners");
        this.longestPause = Objects.requireNonNull(longestPause, "longestPause");
        this.journal = TranscriptJournal.openFirstFree(journalDir, SEGMENT_BYTES);
        this.checkpoint = journal.directory().resolve("delivered.txt");
        this.refused = new SetAsideLines(journal.directory(), Clock.systemUTC());
    }

    /**
     * Journals a {@link ConversationEvent} other than an answer for delivery and returns at once;
     * hands anything else to the listeners now. Never throws for a listener.
     */
    public void publish(Object event) {
        if (!(event instanceof ConversationEvent journaled)
                || event instanceof ReplyComposed composed && composed.inReplyTo().isPresent()) {
            listeners.publishEvent(event);
            return;
        }
        try {
            journal.append(json.writeValueAsString(new EventLine(event.getClass().getSimpleName(), json.valueToTree(event))));
            appended.incrementAndGet();
            Thread waiting = dispatcher;
            if (waiting != null) {
                LockSupport.unpark(waiting);
            }
        } catch (IOException | RuntimeException e) {
            // the local disk is full or gone: delivering now, once, beats not at all
            log.error("Event {} {} could not be journaled ({}); delivering it now, without retries",
                    event.getClass().getSimpleName(), journaled.id(), e.toString());
            listeners.publishEvent(event);
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        draining = false;
        dispatcher = new Thread(this::deliverJournal, "event-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /**
     * Hands over what is journaled first, for up to {@link #DRAIN} (a graceful stop should not leave
     * a citizen's message waiting for a restart that may be long in coming, or never come to this
     * slot); then stops after the event in hand, and the rest stay in the journal for the next start.
     */
    @Override
    public synchronized void stop() {
        Thread stopping = dispatcher;
        if (stopping != null) {
            draining = true;
            LockSupport.unpark(stopping);
            join(stopping, DRAIN);
        }
        running = false;
        if (stopping != null) {
            LockSupport.unpark(stopping);
            join(stopping, Duration.ofSeconds(10));
        }
        dispatcher = null;
    }

    private static void join(Thread thread, Duration within) {
        try {
            thread.join(within.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void close() {
        stop();
        try {
            journal.close();
        } catch (IOException e) {
            log.warn("Event journal not closed cleanly: {}", e.toString());
        }
    }

    /** Events journaled and events whose listeners all succeeded since this started, for tests and metrics. */
    long appended() {
        return appended.get();
    }

    long delivered() {
        return delivered.get();
    }

    private void deliverJournal() {
        Duration pause = FIRST_PAUSE;
        boolean failing = false;
        while (running) {
            try {
                int done = deliverSome();
                if (failing) {
                    log.info("Events reach their listeners again");
                    failing = false;
                }
                pause = FIRST_PAUSE;
                if (done == 0) {
                    if (draining) {
                        return;
                    }
                    LockSupport.parkNanos(IDLE_POLL.toNanos());
                }
            } catch (IOException | RuntimeException e) {
                if (!failing) {
                    log.warn("{}; it waits in the journal, retrying", e.toString());
                    failing = true;
                }
                LockSupport.parkNanos(pause.toNanos());
                pause = pause.multipliedBy(2).compareTo(longestPause) > 0 ? longestPause : pause.multipliedBy(2);
            }
        }
    }

    private Path reading;
    private long position;

    /** Delivers events from the oldest segment until one fails; returns how many lines were done. */
    private int deliverSome() throws IOException {
        if (reading == null || !Files.exists(reading)) {
            List<Path> segments = journal.segments();
            if (segments.isEmpty()) {
                return 0;
            }
            reading = segments.get(0);
            position = checkpointIn(reading);
        }
        // asked before reading: once a newer segment exists, this one is complete
        boolean finished = journal.finished(reading);
        TranscriptJournal.Chunk chunk = TranscriptJournal.read(reading, position, BATCH);
        if (chunk.lines().isEmpty()) {
            if (finished) {
                journal.delete(reading);
                reading = null;
                return deliverSome();
            }
            return 0;
        }
        for (String line : chunk.lines()) {
            if (!running) {
                break;
            }
            read(line).ifPresent(this::deliver);
            position += line.getBytes(StandardCharsets.UTF_8).length + 1;
            writeCheckpoint(reading, position);
        }
        return chunk.lines().size();
    }

    private void deliver(ConversationEvent event) {
        try {
            listeners.publishEvent(event);
            delivered.incrementAndGet();
        } catch (RuntimeException e) {
            throw new ListenerFailed(event, e);
        }
    }

    private Optional<ConversationEvent> read(String line) throws IOException {
        try {
            EventLine stored = json.readValue(line, EventLine.class);
            Class<? extends ConversationEvent> type = TYPES.get(stored.type());
            if (type == null) {
                throw new IllegalArgumentException("no event is called " + stored.type());
            }
            return Optional.of(json.treeToValue(stored.event(), type));
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            log.error("An event line could not be read ({}); kept in {}", e.getClass().getSimpleName(), refused.today());
            // what citizens wrote is in an event too (a question for the lawyer): owner-only, as the journal
            refused.keep(line);
            return Optional.empty();
        }
    }

    /** Where delivery stopped in {@code segment}: the start unless the checkpoint names it. */
    private long checkpointIn(Path segment) throws IOException {
        if (!Files.exists(checkpoint)) {
            return 0;
        }
        String[] saved = Files.readString(checkpoint, StandardCharsets.UTF_8).strip().split(" ");
        try {
            return saved.length == 2 && saved[0].equals(segment.getFileName().toString()) ? Long.parseLong(saved[1]) : 0;
        } catch (NumberFormatException e) {
            // a checkpoint cut short by a crash: from the start, and the listeners skip what they have
            return 0;
        }
    }

    private void writeCheckpoint(Path segment, long at) throws IOException {
        Path next = checkpoint.resolveSibling("delivered.tmp");
        Files.writeString(next, segment.getFileName() + " " + at, StandardCharsets.UTF_8);
        Files.move(next, checkpoint, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * An event as one line of the journal: its type's simple name (the permitted subtypes of
     * {@link ConversationEvent} are unique by it) and its fields.
     */
    record EventLine(String type, JsonNode event) {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, include = JsonTypeInfo.As.PROPERTY, property = "@reply")
    private interface TypedReply {
    }

    /** A listener of the event threw; the event stays in the journal. */
    static final class ListenerFailed extends RuntimeException {
        ListenerFailed(ConversationEvent event, RuntimeException cause) {
            super("A listener of " + event.getClass().getSimpleName() + " " + event.id() + " failed: " + cause, cause);
        }
    }

    /** For tests: waits until {@code count} events have been delivered, or the time is up. */
    boolean awaitDelivered(long count, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (delivered.get() < count) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return true;
    }
}
