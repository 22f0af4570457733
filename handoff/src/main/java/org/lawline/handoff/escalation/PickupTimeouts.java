package org.lawline.handoff.escalation;

import java.time.Clock;
import java.time.Instant;
import org.lawline.conversation.ConversationStoreUnavailable;
import org.lawline.conversation.Conversations;
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
}
