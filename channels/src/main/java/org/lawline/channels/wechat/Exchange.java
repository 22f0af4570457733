package org.lawline.channels.wechat;

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
import org.lawline.channels.delivery.ReplyWindows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One webhook call's turn, exactly once and within WeChat's five seconds. The call claims its
 * message; a retry of a claimed message gets the first passive reply again if there was one, and
 * otherwise nothing. The claimant asks the {@link Responder} on a worker and waits at most the
 * reply budget: an answer ready in time is the passive reply (its first 2048 bytes; the rest
 * follows as customer-service messages); a later one leaves as a customer-service message, and
 * the call answers nothing at once, so that WeChat does not retry.
 */
class Exchange {

    private static final Logger log = LoggerFactory.getLogger(Exchange.class);

    private final InboundClaims claims;
    private final ClaimedReplies replies;
    private final Responder responder;
    private final ReplyWindows windows;
    private final Executor workers;
    private final Duration replyBudget;
    private final Clock clock;

    Exchange(InboundClaims claims, ClaimedReplies replies, Responder responder, ReplyWindows windows,
             Executor workers, Duration replyBudget, Clock clock) {
        this.claims = claims;
        this.replies = replies;
        this.responder = responder;
        this.windows = windows;
        this.workers = workers;
        this.replyBudget = replyBudget;
        this.clock = clock;
    }

    /**
     * The passive reply's text, or empty for "answer nothing" (WeChat's empty 200).
     *
     * @param message      the decrypted message XML, kept with the claim until it is answered
     * @param startedNanos when the webhook call arrived ({@link System#nanoTime()}): the budget
     *                     counts from there
     */
    Optional<String> handle(Inbound inbound, String message, long startedNanos) {
        String account = inbound.citizen().account();
        Claim claim = claims.claim(inbound.citizen(), inbound.retryKey(), inbound.kind(), Optional.of(message), clock.instant());
        if (claim instanceof Claim.Answered answered) {
            log.info("WeChat retried a {} on {}: sent the first reply again", inbound.kind(), account);
            return Optional.of(answered.answer());
        }
        if (!(claim instanceof Claim.Won won)) {
            log.info("WeChat retried a {} on {}: already answered or being answered, answered nothing", inbound.kind(), account);
            return Optional.empty();
        }
        ClaimTicket ticket = won.ticket();
        noteWindow(inbound);
        CompletableFuture<Optional<String>> answer;
        try {
            answer = CompletableFuture.supplyAsync(() -> responder.respond(inbound), workers);
        } catch (RejectedExecutionException busy) {
            log.warn("No worker free for a WeChat message on {}: answered busy", account);
            claims.release(ticket);
            return Optional.of(CitizenTexts.BUSY);
        }
        long waitNanos = replyBudget.toNanos() - (System.nanoTime() - startedNanos);
        try {
            Optional<String> reply = answer.get(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
            return answerNow(ticket, reply);
        } catch (TimeoutException late) {
            answerWhenReady(inbound, ticket, answer);
            log.info("WeChat {} on {} not answered within {} ms: answered nothing, the reply follows as a customer-service message",
                    inbound.kind(), account, replyBudget.toMillis());
            return Optional.empty();
        } catch (ExecutionException failed) {
            claims.release(ticket);
            throw new IllegalStateException("Answering a WeChat " + inbound.kind() + " failed", failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            answerWhenReady(inbound, ticket, answer);
            return Optional.empty();
        }
    }

    /**
     * The worker goes on; its answer leaves as a customer-service message, sent by the thread that
     * completes it (a worker, or this one if it completed meanwhile) rather than handed to the pool
     * again: a full pool would reject that hand-over, and the answer would never leave. The claim
     * stays ANSWERING until the message is recorded: should this instance die first, the
     * reconciler of another one answers the message from the claim.
     */
    private void answerWhenReady(Inbound inbound, ClaimTicket ticket, CompletableFuture<Optional<String>> answer) {
        answer.whenComplete((reply, failure) -> answerLater(inbound, ticket, reply, failure));
    }

    private Optional<String> answerNow(ClaimTicket ticket, Optional<String> reply) {
        if (reply.isEmpty()) {
            claims.answeredLater(ticket, clock.instant());
            return Optional.empty();
        }
        List<String> parts = PartSplitter.split(reply.get(), WeChatPlatform.TEXT);
        if (!claims.answered(ticket, parts.get(0), clock.instant())) {
            return Optional.empty();
        }
        if (parts.size() > 1) {
            replies.sendRest(ticket, String.join("\n", parts.subList(1, parts.size())));
        }
        return Optional.of(parts.get(0));
    }

    private void answerLater(Inbound inbound, ClaimTicket ticket, Optional<String> reply, Throwable failure) {
        if (failure != null) {
            // Not left to the reconciler: an engine that failed once would most likely fail again.
            claims.answeredLater(ticket, clock.instant());
            log.error("Answering a WeChat {} on {} failed after the webhook returned", inbound.kind(), inbound.citizen().account(), failure);
            return;
        }
        try {
            replies.sendLater(ticket, reply);
        } catch (RuntimeException e) {
            // the claim stays open: the reconciler answers it after the lease
            log.error("Sending the late answer to a WeChat {} on {} failed", inbound.kind(), inbound.citizen().account(), e);
        }
    }

    /** Opens the citizen's customer-service window: a message, or a click or subscribe. */
    private void noteWindow(Inbound inbound) {
        try {
            if (inbound instanceof Inbound.Event event) {
                if (event.type() == Inbound.EventType.SUBSCRIBE || event.type() == Inbound.EventType.CLICK) {
                    windows.citizenPrompted(inbound.citizen(), clock.instant());
                }
            } else {
                windows.citizenWrote(inbound.citizen(), clock.instant());
            }
        } catch (RuntimeException e) {
            // Without the note, a late answer may be held back: worse than late, not lost.
            log.warn("Could not note the customer-service window of {}: {}", inbound.citizen(), e.toString());
        }
    }
}
