package org.lawline.handoff.escalation;

import java.time.Instant;

/** Nobody claimed the chat in time: the citizen was told the 12348 hotline will call back. */
public record EscalationTimedOut(long escalationId, Instant timedOutAt) {
}
