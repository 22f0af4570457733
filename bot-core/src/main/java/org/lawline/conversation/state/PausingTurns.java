package org.lawline.conversation.state;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationSnapshot;
import org.lawline.conversation.ConversationStoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops asking a failing store for a while: after a failure, {@link #take} fails at once for
 * {@code retryAfter}; then one turn alone tries the store again while the others still fail at
 * once, until it succeeds (the store is back) or fails (another pause). So a Redis that hangs
 * rather than refuses costs one command timeout per pause instead of one per message, and the
 * threads answering citizens are never all waiting on it. A conversation that was merely busy
 * ({@link TurnNotTaken}) is not a failure. Thread safe.
 */
public final class PausingTurns implements ConversationTurns {

    private static final Logger log = LoggerFactory.getLogger(PausingTurns.class);

    private final ConversationTurns store;
    private final long retryAfterNanos;
    private final AtomicLong pausedUntil = new AtomicLong(System.nanoTime());
    private final AtomicBoolean failing = new AtomicBoolean();
    /** One turn at a time tries a failing store again. */
    private final AtomicBoolean probing = new AtomicBoolean();

    public PausingTurns(ConversationTurns store, Duration retryAfter) {
        this.store = Objects.requireNonNull(store, "store");
        this.retryAfterNanos = Objects.requireNonNull(retryAfter, "retryAfter").toNanos();
    }

    @Override
    public Held take(ChannelIdentity citizen) {
        if (System.nanoTime() - pausedUntil.get() < 0) {
            throw paused();
        }
        boolean probe = failing.get();
        if (probe && !probing.compareAndSet(false, true)) {
            throw paused();
        }
        Held held;
        try {
            held = store.take(citizen);
        } catch (TurnNotTaken busy) {
            throw busy;
        } catch (RuntimeException e) {
            pause(e);
            throw e;
        } finally {
            if (probe) {
                probing.set(false);
            }
        }
        recovered();
        return new Held() {
            @Override
            public Optional<ConversationSnapshot> saved() {
                return held.saved();
            }

            @Override
            public boolean saveAndRelease(ConversationSnapshot snapshot) {
                try {
                    return held.saveAndRelease(snapshot);
                } catch (RuntimeException e) {
                    pause(e);
                    throw e;
                }
            }

            @Override
            public void close() {
                held.close();
            }
        };
    }

    private static ConversationStoreUnavailable paused() {
        return new ConversationStoreUnavailable("The conversation store is paused after a failure", null);
    }

    private void pause(RuntimeException cause) {
        pausedUntil.set(System.nanoTime() + retryAfterNanos);
        if (failing.compareAndSet(false, true)) {
            log.warn("Conversation store failed ({}); answering without conversation state, trying again every {} ms",
                    cause.toString(), retryAfterNanos / 1_000_000);
        }
    }

    private void recovered() {
        if (failing.compareAndSet(true, false)) {
            log.info("Conversation store reachable again; conversation state resumes");
        }
    }
}
