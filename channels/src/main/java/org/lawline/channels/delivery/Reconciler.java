package org.lawline.channels.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.lawline.conversation.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks up, every {@code reconcileEvery}, what an instance left unfinished for longer than the
 * lease, on every channel: a claim left ANSWERING (the instance died while the engine worked) is
 * answered by its channel's {@link StrandedAnswers}; a part left SENDING (the instance died
 * mid-send, or had no worker free) is sent again, once; a part held back until a time that has
 * come is sent. Several instances run this at once; compare-and-set on the rows' versions and
 * states lets exactly one of them take each row, and a row once taken is never taken again, so
 * nothing is answered or sent twice.
 *
 * <p>The lease must be longer than any turn and any send takes on a live instance: a claim or part
 * younger than it is taken to be in hand.
 */
public final class Reconciler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    /** Rows taken per round: a backlog drains over several rounds instead of holding one thread long. */
    private static final int BATCH = 50;

    /** What one round did. */
    public record Round(int claimsAnswered, int claimsClosed, int partsSent, int partsGivenUp) {
    }

    private final InboundClaims claims;
    private final Outbox outbox;
    private final Map<Channel, StrandedAnswers> answers;
    private final Clock clock;
    private final Duration lease;
    private ScheduledExecutorService scheduler;

    public Reconciler(InboundClaims claims, Outbox outbox, List<StrandedAnswers> answers, Clock clock, Duration lease) {
        this.claims = claims;
        this.outbox = outbox;
        this.answers = Platforms.byChannel(answers, StrandedAnswers::channel);
        this.clock = clock;
        this.lease = lease;
    }

    /** Runs a round every {@code every}, on a thread of its own, from {@code every} on. */
    public synchronized void start(Duration every) {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "delivery-reconciler");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::roundQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void roundQuietly() {
        try {
            Round round = reconcile();
            if (!round.equals(new Round(0, 0, 0, 0))) {
                log.info("Picked up work left unfinished: {}", round);
            }
        } catch (RuntimeException e) {
            // the database or Redis is away: the next round tries again
            log.warn("Could not look for work left unfinished: {}", e.toString());
        }
    }

    /** One round: stranded claims first, whose answers then join the parts to send. */
    public Round reconcile() {
        Instant now = clock.instant();
        Instant staleBefore = now.minus(lease);
        int answered = 0;
        int closed = 0;
        for (StrandedClaim claim : claims.stranded(staleBefore, BATCH)) {
            Optional<ClaimTicket> ticket = claims.takeOver(claim, staleBefore, clock.instant());
            if (ticket.isEmpty()) {
                continue;
            }
            if (answer(claim, ticket.get())) {
                answered++;
            } else {
                closed++;
            }
        }
        int sent = 0;
        for (Outbox.Stuck part : outbox.stuck(staleBefore, clock.instant(), BATCH)) {
            if (outbox.retry(part, staleBefore).isPresent()) {
                sent++;
            }
        }
        int givenUp = outbox.giveUpAbandonedRetries(staleBefore);
        return new Round(answered, closed, sent, givenUp);
    }

    private boolean answer(StrandedClaim claim, ClaimTicket ticket) {
        if (outbox.hasReplyTo(claim.citizen(), claim.key())) {
            // The instance recorded the answer before it died: the parts are sent as stuck parts.
            claims.answeredLater(ticket, clock.instant());
            return false;
        }
        StrandedAnswers channel = answers.get(claim.citizen().channel());
        if (channel == null) {
            claims.answeredLater(ticket, clock.instant());
            log.warn("Claim {} of {} left unanswered: no channel here answers it later", claim.id(), claim.citizen());
            return false;
        }
        try {
            return channel.answer(claim, ticket);
        } catch (RuntimeException e) {
            // Not left for another round: an engine that failed once would most likely fail again.
            claims.answeredLater(ticket, clock.instant());
            log.error("Answering claim {} of {}, left by an instance that stopped, failed", claim.id(), claim.citizen(), e);
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
