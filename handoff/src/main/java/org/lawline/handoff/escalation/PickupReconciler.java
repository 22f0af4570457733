package org.lawline.handoff.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The database is the truth about who waits: every waiting escalation has its timer armed again
 * (idempotently), and those already overdue are fired at once. This finds timers lost with a
 * restart of the in-process default, and those an instance took from Redis and died holding; and
 * a citizen whose timeout an instance marked but died before telling is told.
 */
final class PickupReconciler {

    /** How far back an untold timeout is looked for: well beyond a restart, well within a conversation's life. */
    private static final Duration UNTOLD_WITHIN = Duration.ofHours(1);

    private final Escalations escalations;
    private final PickupTimers timers;
    private final PickupTimeouts timeouts;
    private final Clock clock;

    PickupReconciler(Escalations escalations, PickupTimers timers, PickupTimeouts timeouts, Clock clock) {
        this.escalations = escalations;
        this.timers = timers;
        this.timeouts = timeouts;
        this.clock = clock;
    }

    void reconcile() {
        Instant now = clock.instant();
        for (Escalation waiting : escalations.allWaiting()) {
            if (waiting.dueAt().isAfter(now)) {
                timers.schedule(waiting.id(), waiting.dueAt());
            } else {
                timeouts.fire(waiting.id());
            }
        }
        timeouts.tellTheUntold(now.minus(UNTOLD_WITHIN));
    }
}
