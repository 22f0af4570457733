package org.lawline.channels.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what the database missed while it was down — the outcomes of claims Redis held alone,
 * and the answers still to be recorded in the outbox and sent — once it answers again, oldest
 * first, each then taken off Redis's list. A claim's write is idempotent (two instances may write
 * the same one); an answer recorded but not yet taken off the list when this instance stops
 * would be recorded again by the next one, a window of one write.
 */
public final class HeldWrites implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HeldWrites.class);

    /** Writes per round: a long outage's backlog drains over several rounds. */
    private static final int BATCH = 200;

    private final InboundClaims claims;
    private final Outbox outbox;
    private ScheduledExecutorService scheduler;
    private String lastFailure = "";

    public HeldWrites(InboundClaims claims, Outbox outbox) {
        this.claims = claims;
        this.outbox = outbox;
    }

    /** Writes back every {@code every}, on a thread of its own. */
    public synchronized void start(Duration every) {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "claims-write-back");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::writeQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void writeQuietly() {
        try {
            int written = writeBack();
            if (written > 0) {
                log.info("Wrote {} claim outcome(s) and answer(s) the database missed while it was down", written);
            }
            lastFailure = "";
        } catch (RuntimeException e) {
            // Redis is away: said once, not every second
            if (!e.toString().equals(lastFailure)) {
                log.warn("Could not write back what the database missed: {}", e.toString());
            }
            lastFailure = e.toString();
        }
    }

    /**
     * One round: writes held writes until none is left, the batch is done, or the database does
     * not answer (what is left waits for the next round).
     *
     * @return how many were written
     */
    public int writeBack() {
        int written = 0;
        try {
            while (written < BATCH && writeOldest()) {
                written++;
            }
        } catch (DatabaseUnavailable down) {
            log.debug("The database is still unavailable: {}", down.getMessage());
        }
        return written;
    }

    /** Writes the oldest held write, and takes it off the list; false when there is none. */
    private boolean writeOldest() {
        Optional<String> oldest = claims.oldestHeldWrite();
        if (oldest.isEmpty()) {
            return false;
        }
        String raw = oldest.get();
        HeldWrite write;
        try {
            write = claims.readHeldWrite(raw);
        } catch (IllegalArgumentException unreadable) {
            log.error("A held write could not be read and is dropped: {}", unreadable.getCause().toString());
            claims.written(raw);
            return true;
        }
        try {
            if (HeldWrite.REST.equals(write.type())) {
                ChannelIdentity citizen = new ChannelIdentity(Channel.of(write.channel()), write.account(), write.citizenId());
                OutboundMessage message = claims.bounded(() -> outbox.record(citizen, write.text(), Purpose.REPLY, Optional.of(write.key())));
                claims.written(raw);
                outbox.deliverSoon(message);
            } else {
                claims.bounded(() -> {
                    claims.writeBack(write);
                    return null;
                });
                claims.written(raw);
            }
        } catch (DatabaseUnavailable down) {
            throw down;
        } catch (RuntimeException refused) {
            // A database that answers but refuses this one write would refuse it every second and
            // hold up every write behind it: it is set aside, for a person to look at.
            log.error("The database refused a held {}; set aside under {}: {}", write, claims.setAside(raw), refused.toString());
        }
        return true;
    }

    /** How many writes wait for the database. */
    public long waiting() {
        return claims.heldWrites();
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
