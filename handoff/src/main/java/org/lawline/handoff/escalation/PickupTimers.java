package org.lawline.handoff.escalation;

import java.time.Instant;
import java.util.List;

/**
 * Pickup timers shared by every instance: armed per escalation, taken when due. Taking is atomic:
 * of several instances polling at once, each due timer goes to exactly one. A timer taken by an
 * instance that dies before acting on it is found again by the {@link PickupReconciler} from the
 * database, where the escalation still waits. Thread safe.
 */
public interface PickupTimers {

    /** Arms (or re-arms, idempotently) the escalation's timer for {@code dueAt}. */
    void schedule(long escalationId, Instant dueAt);

    /** Disarms it; nothing happens if it was not armed or has fired. */
    void cancel(long escalationId);

    /** Takes up to {@code max} timers due at {@code now}, earliest first; none is ever given out twice. */
    List<Long> takeDue(Instant now, int max);
}
