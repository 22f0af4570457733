package org.lawline.handoff.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Pickup timers of the single-machine default (no Redis): in this process, ordered by due time.
 * A restart empties them; the {@link PickupReconciler} re-arms every waiting escalation from the
 * database at start, so none is lost.
 */
final class InProcessPickupTimers implements PickupTimers {

    private record Armed(Instant dueAt, long id) {
    }

    private final TreeSet<Armed> byDue = new TreeSet<>(Comparator.comparing(Armed::dueAt).thenComparingLong(Armed::id));
    private final Map<Long, Armed> byId = new HashMap<>();

    @Override
    public synchronized void schedule(long escalationId, Instant dueAt) {
        cancel(escalationId);
        Armed armed = new Armed(dueAt, escalationId);
        byDue.add(armed);
        byId.put(escalationId, armed);
    }

    @Override
    public synchronized void cancel(long escalationId) {
        Armed armed = byId.remove(escalationId);
        if (armed != null) {
            byDue.remove(armed);
        }
    }

    @Override
    public synchronized List<Long> takeDue(Instant now, int max) {
        List<Long> due = new ArrayList<>();
        while (due.size() < max && !byDue.isEmpty() && !byDue.first().dueAt().isAfter(now)) {
            Armed armed = byDue.pollFirst();
            byId.remove(armed.id());
            due.add(armed.id());
        }
        return due;
    }
}
