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

    private final MessageClaims claims;
    private final Responder responder;
    private final Outbox outbox;
    private final CustomerServiceBudget budget;
    private final Executor workers;
    private final Duration replyBudget;
    private final Clock clock;

    Exchange(MessageClaims claims, Responder responder, Outbox outbox, CustomerServiceBudget budget,
             Executor workers, Duration replyBudget, Clock clock) {
        this.claims = claims;
        this.responder = responder;
        this.outbox = outbox;
        this.budget = budget;
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
        MessageClaims.Claim claim = claims.claim(inbound, message, clock.instant());
        if (claim instanceof MessageClaims.Claim.Answered answered) {
            log.info("WeChat retried a {} on {}: sent the first reply again", inbound.kind(), account);
            return Optional.of(answered.passiveReply());
        }
        if (claim instanceof MessageClaims.Claim.Taken) {
            log.info("WeChat retried a {} on {}: already answered or being answered, answered nothing", inbound.kind(), account);
            return Optional.empty();
        }
        noteAllowance(inbound);
        CompletableFuture<Optional<String>> answer;
        try {
            answer = CompletableFuture.supplyAsync(() -> responder.respond(inbound), workers);
        } catch (RejectedExecutionException busy) {
            log.warn("No worker free for a WeChat message on {}: answered busy", account);
            claims.release(account, inbound.retryKey());
            return Optional.of(CitizenTexts.BUSY);
        }
        long waitNanos = replyBudget.toNanos() - (System.nanoTime() - startedNanos);
        try {
            Optional<String> reply = answer.get(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
            return answerNow(inbound, reply);
        } catch (TimeoutException late) {
            // The worker goes on; its answer leaves as a customer-service message. The claim stays
            // ANSWERING until that message is recorded: should this instance die first, the
            // Reconciler of another one answers the message from the claim.
            answer.whenCompleteAsync((reply, failure) -> answerLater(inbound, reply, failure), workers);
            log.info("WeChat {} on {} not answered within {} ms: answered nothing, the reply follows as a customer-service message",
                    inbound.kind(), account, replyBudget.toMillis());
            return Optional.empty();
        } catch (ExecutionException failed) {
            claims.release(account, inbound.retryKey());
            throw new IllegalStateException("Answering a WeChat " + inbound.kind() + " failed", failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            answer.whenCompleteAsync((reply, failure) -> answerLater(inbound, reply, failure), workers);
            return Optional.empty();
        }
    }

    private Optional<String> answerNow(Inbound inbound, Optional<String> reply) {
        String account = inbound.citizen().account();
        if (reply.isEmpty()) {
            claims.answeredLater(account, inbound.retryKey(), clock.instant());
            return Optional.empty();
        }
        List<String> parts = TextSplitter.split(reply.get(), TextSplitter.WECHAT_TEXT_BYTES);
        claims.answered(account, inbound.retryKey(), parts.get(0), clock.instant());
        if (parts.size() > 1) {
            String rest = String.join("\n", parts.subList(1, parts.size()));
            List<Long> ids = outbox.record(inbound.citizen(), rest, Outbox.Purpose.REPLY, Optional.of(inbound.retryKey()));
            workers.execute(() -> outbox.deliver(inbound.citizen(), ids));
        }
        return Optional.of(parts.get(0));
    }

    private void answerLater(Inbound inbound, Optional<String> reply, Throwable failure) {
        String account = inbound.citizen().account();
        if (failure != null) {
            // Not left to the Reconciler: an engine that failed once would most likely fail again.
            claims.answeredLater(account, inbound.retryKey(), clock.instant());
            log.error("Answering a WeChat {} on {} failed after the webhook returned", inbound.kind(), account, failure);
            return;
        }
        sendLater(inbound, reply);
    }

    /**
     * Sends the answer to a claimed message as a customer-service message: recorded first, then the
     * claim closed, then sent. Should the instance die in between, the Reconciler finds the recorded
     * parts (and sends them) or the open claim (and answers it), never both.
     */
    void sendLater(Inbound inbound, Optional<String> reply) {
        String account = inbound.citizen().account();
        if (reply.isEmpty()) {
            claims.answeredLater(account, inbound.retryKey(), clock.instant());
            return;
        }
        List<Long> parts = outbox.record(inbound.citizen(), reply.get(), Outbox.Purpose.REPLY, Optional.of(inbound.retryKey()));
        claims.answeredLater(account, inbound.retryKey(), clock.instant());
        outbox.deliver(inbound.citizen(), parts);
    }

    /** Opens the citizen's customer-service window: a message, or a click or subscribe. */
    private void noteAllowance(Inbound inbound) {
        try {
            if (inbound instanceof Inbound.Event event) {
                if (event.type() == Inbound.EventType.SUBSCRIBE || event.type() == Inbound.EventType.CLICK) {
                    budget.citizenPrompted(inbound.citizen(), clock.instant());
                }
            } else {
                budget.citizenWrote(inbound.citizen(), clock.instant());
            }
        } catch (RuntimeException e) {
            // Without the note, a late answer may be held back: worse than late, not lost.
            log.warn("Could not note the customer-service window of {}: {}", inbound.citizen(), e.toString());
        }
    }
}
