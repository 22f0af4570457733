package org.lawline.channels.delivery;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the answer to a claimed message after its synchronous answer could no longer wait: the
 * parts recorded first, then the claim closed, then sent. Should the instance die in between, the
 * reconciler finds the recorded parts (and sends them) or the open claim (and answers it), never
 * both; a ticket that lost its claim to a takeover sends nothing, so two instances never both
 * deliver an answer. Thread safe.
 */
public class ClaimedReplies {

    private static final Logger log = LoggerFactory.getLogger(ClaimedReplies.class);

    private final InboundClaims claims;
    private final Outbox outbox;
    private final Clock clock;

    public ClaimedReplies(InboundClaims claims, Outbox outbox, Clock clock) {
        this.claims = claims;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @param reply the answer, or empty when there is nothing to say
     * @return the delivery, or empty when nothing was sent (no answer, or the claim was lost)
     */
    public Optional<Delivery> sendLater(ClaimTicket ticket, Optional<String> reply) {
        if (reply.isEmpty()) {
            claims.answeredLater(ticket, clock.instant());
            return Optional.empty();
        }
        if (ticket.heldInRedisOnly()) {
            // the outbox is in the database, which is down: the answer is recorded and sent once it is back
            if (!claims.sendWhenWritable(ticket, reply.get(), clock.instant())) {
                log.error("The answer to a message of {} is lost: neither the database nor Redis took it", ticket.citizen());
            }
            claims.answeredLater(ticket, clock.instant());
            return Optional.empty();
        }
        if (!claims.stillHeld(ticket, clock.instant())) {
            log.warn("The answer to claim {} of {} is not sent: another instance took the claim over", ticket.id(), ticket.citizen());
            return Optional.empty();
        }
        OutboundMessage message = outbox.record(ticket.citizen(), reply.get(), Purpose.REPLY, Optional.of(ticket.key()));
        claims.answeredLater(ticket, clock.instant());
        return Optional.of(outbox.deliver(message));
    }

    /** Records the rest of an answer whose first part went back synchronously; sending is the caller's. */
    public OutboundMessage recordRest(ClaimTicket ticket, String rest) {
        return outbox.record(ticket.citizen(), rest, Purpose.REPLY, Optional.of(ticket.key()));
    }

    /**
     * Records and sends the rest of an answer whose first part went back synchronously; for a
     * claim Redis holds alone (the database is down), once the database is back.
     */
    public void sendRest(ClaimTicket ticket, String rest) {
        if (ticket.heldInRedisOnly()) {
            if (!claims.sendWhenWritable(ticket, rest, clock.instant())) {
                log.error("The rest of an answer to {} is lost: neither the database nor Redis took it", ticket.citizen());
            }
            return;
        }
        outbox.deliverSoon(recordRest(ticket, rest));
    }
}
