package org.lawline.handoff.escalation;

import java.time.Clock;
import java.time.Instant;
import org.lawline.conversation.ConversationStoreUnavailable;
import org.lawline.conversation.Conversations;
import org.lawline.conversation.DialogState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * What happens when a pickup timer fires: the escalation moves WAITING → TIMED_OUT by
 * compare-and-set (a claim a moment earlier wins, and a timer fired twice does nothing the second
 * time), then the engine tells the citizen the 12348 hotline will call back.
 */
public class PickupTimeouts {

    private static final Logger log = LoggerFactory.getLogger(PickupTimeouts.class);

    private final Escalations escalations;
    private final Conversations conversations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public PickupTimeouts(Escalations escalations, Conversations conversations, ApplicationEventPublisher events, Clock clock) {
        this.escalations = escalations;
        this.conversations = conversations;
        this.events = events;
        this.clock = clock;
    }

    /** @return whether this call timed the escalation out (false: claimed, cancelled or fired already) */
    public boolean fire(long escalationId) {
        Instant now = clock.instant();
        if (!escalations.timeOut(escalationId, now)) {
            return false;
        }
        Escalation escalation = escalations.find(escalationId).orElseThrow();
        try {
            conversations.pickupTimedOut(escalation.citizen());
        } catch (ConversationStoreUnavailable e) {
            // Not told yet: back to waiting, so the reconciler fires it again in a minute. The
            // engine's own state guards against telling the citizen twice.
            escalations.reopen(escalationId);
            log.warn("Escalation {} timed out but the conversation could not be told; retried later: {}", escalationId, e.getMessage());
            return false;
        }
        events.publishEvent(new EscalationTimedOut(escalationId, now));
        events.publishEvent(new EscalationChanged(escalationId));
        log.info("Escalation {} timed out after {} s: 12348 callback", escalationId,
                java.time.Duration.between(escalation.requestedAt(), now).toSeconds());
        return true;
    }

    /**
     * Tells the citizens of escalations timed out since {@code since} whose conversation still
     * waits for a lawyer: the instance that fired their timer stopped between the two steps
     * (marking the timeout, telling the citizen), and nobody else would ever tell them. Harmless
     * when the citizen was told after all, or is being told on another instance right now: the
     * engine takes one turn at a time per conversation and refuses the second telling.
     */
    public void tellTheUntold(Instant since) {
        for (Escalation escalation : escalations.timedOutSince(since)) {
            if (conversations.stateOf(escalation.citizen()) != DialogState.QUEUED) {
                continue;
            }
            conversations.pickupTimedOut(escalation.citizen()).ifPresent(told -> {
                events.publishEvent(new EscalationChanged(escalation.id()));
                log.info("Escalation {} had timed out untold: the citizen is told of the 12348 callback now", escalation.id());
            });
        }
    }
}
