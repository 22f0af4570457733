package org.lawline.channels.wechat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks up, every {@code every}, what an instance left unfinished for longer than {@code lease}:
 * a claim left ANSWERING (the instance died while the engine worked) is answered as a
 * customer-service message, within WeChat's window and allowance; a message part left SENDING (the
 * instance died mid-send, or had no worker free) is sent again, once. Several instances run this
 * at once; compare-and-set on the rows' states lets exactly one of them take each row, and a row
 * once taken is never taken again, so nothing is answered or sent twice.
 *
 * <p>The lease must be longer than any turn and any send takes on a live instance (the engine's
 * answer, WxJava's timeouts): a claim or part younger than it is taken to be in hand.
 */
final class Reconciler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    /** Rows taken per round: a backlog drains over several rounds instead of holding one thread long. */
    private static final int BATCH = 50;

    /** What one round did. */
    record Round(int claimsAnswered, int claimsClosed, int partsSent, int partsGivenUp) {
    }

    private final MessageClaims claims;
    private final Outbox outbox;
    private final Responder responder;
    private final Exchange exchange;
    private final CustomerServiceBudget budget;
    private final Clock clock;
    private final Duration lease;
    private final Duration window;
    private ScheduledExecutorService scheduler;

    Reconciler(MessageClaims claims, Outbox outbox, Responder responder, Exchange exchange, CustomerServiceBudget budget,
               Clock clock, Duration lease, Duration window) {
        this.claims = claims;
        this.outbox = outbox;
        this.responder = responder;
        this.exchange = exchange;
        this.budget = budget;
        this.clock = clock;
        this.lease = lease;
        this.window = window;
    }

    /** Runs a round every {@code every}, on a thread of its own, from {@code every} on. */
    synchronized void start(Duration every) {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "wechat-reconciler");
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
    Round reconcile() {
        Instant now = clock.instant();
        Instant staleBefore = now.minus(lease);
        int answered = 0;
        int closed = 0;
        for (MessageClaims.Stranded claim : claims.stranded(staleBefore, BATCH)) {
            if (!claims.takeOver(claim, staleBefore, clock.instant())) {
                continue;
            }
            if (answer(claim, now)) {
                answered++;
            } else {
                closed++;
            }
        }
        int sent = 0;
        for (Outbox.Stuck part : outbox.stuck(staleBefore, BATCH)) {
            if (outbox.retry(part, staleBefore).isPresent()) {
                sent++;
            }
        }
        int givenUp = outbox.giveUpAbandonedRetries(staleBefore);
        return new Round(answered, closed, sent, givenUp);
    }

    /** Answers a claim this instance took over; false when it closed it without an answer. */
    private boolean answer(MessageClaims.Stranded claim, Instant now) {
        if (outbox.hasReplyTo(claim.account(), claim.retryKey())) {
            // The instance recorded the answer before it died: the parts are sent as stuck parts.
            claims.answeredLater(claim.account(), claim.retryKey(), now);
            return false;
        }
        if (claim.message().isEmpty() || claim.receivedAt().isBefore(now.minus(window))) {
            // WeChat would refuse a customer-service message now (45015); asking the engine is moot.
            claims.answeredLater(claim.account(), claim.retryKey(), now);
            log.info("Claim {} left unanswered on {}: {}", claim.id(), claim.account(),
                    claim.message().isEmpty() ? "its message was not kept" : "WeChat's window has closed");
            return false;
        }
        Inbound inbound;
        try {
            inbound = Inbound.of(claim.account(), WeChatXml.parse(claim.message().get().getBytes(StandardCharsets.UTF_8)));
        } catch (WeChatXml.InvalidXml e) {
            claims.answeredLater(claim.account(), claim.retryKey(), now);
            log.warn("Claim {} on {} kept an unreadable message: {}", claim.id(), claim.account(), e.getMessage());
            return false;
        }
        if (!(inbound instanceof Inbound.Event)) {
            // the dead instance may have died before noting the window, or this process forgot it
            budget.citizenWroteEarlier(inbound.citizen(), claim.receivedAt());
        }
        Optional<String> reply;
        try {
            reply = responder.respond(inbound);
        } catch (RuntimeException e) {
            claims.answeredLater(claim.account(), claim.retryKey(), now);
            log.error("Answering claim {} on {}, left by an instance that stopped, failed", claim.id(), claim.account(), e);
            return false;
        }
        exchange.sendLater(inbound, reply);
        return reply.isPresent();
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
