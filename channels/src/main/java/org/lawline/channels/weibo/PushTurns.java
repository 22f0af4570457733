package org.lawline.channels.weibo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.lawline.channels.delivery.Claim;
import org.lawline.channels.delivery.ClaimTicket;
import org.lawline.channels.delivery.ClaimedReplies;
import org.lawline.channels.delivery.InboundClaims;
import org.lawline.channels.delivery.PartSplitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One push's turn, answered once. The push is claimed first (sender, created_at, type and a hash
 * of the content); a push Weibo repeats — because it is still being answered, or was answered —
 * gets an empty acknowledgement on every instance, never a second answer. The claimant asks the
 * {@link PushResponder} on a worker and waits what is left of the reply budget: an answer ready in
 * time goes back in the response (its first part; the rest through reply.json), a later one
 * through reply.json alone, within the follower's window.
 */
final class PushTurns {

    private static final Logger log = LoggerFactory.getLogger(PushTurns.class);

    private final InboundClaims claims;
    private final ClaimedReplies later;
    private final PushResponder responder;
    private final FollowerWindows windows;
    private final Executor workers;

    /** What the webhook answers. */
    sealed interface Outcome {
        /** The passive reply's text. */
        record Passive(String text) implements Outcome {
        }

        /** An empty acknowledgement: nothing to say now, or said later, or said already. */
        record Acknowledged() implements Outcome {
        }

        /** No worker free: Weibo should push again later (the claim is released for it). */
        record Busy() implements Outcome {
        }
    }

    /** The reply budget in nanoseconds, counted against {@link System#nanoTime()}. */
    private final long budgetNanos;
    private final Clock clock;

    PushTurns(InboundClaims claims, ClaimedReplies later, PushResponder responder, FollowerWindows windows,
              Executor workers, Duration budget, Clock clock) {
        this.budgetNanos = budget.toNanos();
        this.claims = claims;
        this.later = later;
        this.responder = responder;
        this.windows = windows;
        this.workers = workers;
        this.clock = clock;
    }

    /**
     * @param raw          the push as Weibo sent it, kept with the claim until it is answered, so
     *                     that another instance can answer it should this one die first
     * @param arrivedNanos when the call arrived ({@link System#nanoTime()}): the budget counts from there
     */
    Outcome take(Push push, String raw, long arrivedNanos) {
        Claim claim = claims.claim(push.follower(), push.origin().claimKey(), push.kind(), Optional.of(raw), clock.instant());
        if (!(claim instanceof Claim.Won won)) {
            log.info("Weibo repeated a {} push on {}: acknowledged, not answered again", push.kind(), push.follower().account());
            return new Outcome.Acknowledged();
        }
        ClaimTicket ticket = won.ticket();
        if (push instanceof Push.Unknown) {
            claims.answeredLater(ticket, clock.instant());
            log.info("Recorded a Weibo push of unknown type {} from {}; not answered", push.kind(), push.follower());
            return new Outcome.Acknowledged();
        }
        openWindow(push);
        CompletableFuture<Optional<String>> answer;
        try {
            answer = CompletableFuture.supplyAsync(() -> responder.answer(push), workers);
        } catch (RejectedExecutionException full) {
            claims.release(ticket);
            log.warn("No Weibo worker free for a {} push on {}: Weibo is asked to push again", push.kind(), push.follower().account());
            return new Outcome.Busy();
        }
        long leftNanos = budgetNanos - (System.nanoTime() - arrivedNanos);
        try {
            return inTime(push, ticket, answer.get(Math.max(0, leftNanos), TimeUnit.NANOSECONDS));
        } catch (TimeoutException slow) {
            log.info("A Weibo {} push on {} took longer than {} ms: the answer follows through reply.json",
                    push.kind(), push.follower().account(), TimeUnit.NANOSECONDS.toMillis(budgetNanos));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException failed) {
            claims.release(ticket);
            throw new IllegalStateException("Answering a Weibo " + push.kind() + " push failed", failed.getCause());
        }
        // The thread that completes the answer sends it: handing it to the pool again could be refused.
        answer.whenComplete((reply, failure) -> afterwards(push, ticket, reply, failure));
        return new Outcome.Acknowledged();
    }

    private Outcome inTime(Push push, ClaimTicket ticket, Optional<String> reply) {
        if (reply.isEmpty()) {
            claims.answeredLater(ticket, clock.instant());
            return new Outcome.Acknowledged();
        }
        List<String> parts = PartSplitter.split(reply.get(), WeiboPlatform.TEXT);
        if (!claims.answered(ticket, parts.get(0), clock.instant())) {
            return new Outcome.Acknowledged();
        }
        if (push instanceof Push.Mention) {
            // this passive reply is the one Weibo allows after a mention
            windows.take(push.follower(), clock.instant());
        }
        if (parts.size() > 1) {
            later.sendRest(ticket, String.join("\n", parts.subList(1, parts.size())));
        }
        return new Outcome.Passive(parts.get(0));
    }

    private void afterwards(Push push, ClaimTicket ticket, Optional<String> reply, Throwable failure) {
        if (failure == null) {
            sendLate(push, ticket, reply);
            return;
        }
        // closed rather than left to the reconciler: an engine that failed once would fail again
        claims.answeredLater(ticket, clock.instant());
        log.error("Answering a Weibo {} push on {} failed after it was acknowledged", push.kind(), push.follower().account(), failure);
    }

    /** Through reply.json; should that fail, the claim stays open and the reconciler answers it after the lease. */
    private void sendLate(Push push, ClaimTicket ticket, Optional<String> reply) {
        try {
            later.sendLater(ticket, reply);
        } catch (RuntimeException e) {
            log.error("Sending the late answer to a Weibo {} push on {} failed", push.kind(), push.follower().account(), e);
        }
    }

    /** An action opens the follower's 48 hours; a mention allows one reply; an unfollow nothing. */
    private void openWindow(Push push) {
        try {
            if (push instanceof Push.Mention) {
                windows.mentioned(push.follower(), clock.instant());
            } else if (!(push instanceof Push.Event event && event.subtype().leaves())) {
                windows.acted(push.follower(), clock.instant());
            }
        } catch (RuntimeException e) {
            // without the note a late answer may be held back: worse than late, but nothing is lost
            log.warn("Could not note the reply window of {}: {}", push.follower(), e.toString());
        }
    }
}
