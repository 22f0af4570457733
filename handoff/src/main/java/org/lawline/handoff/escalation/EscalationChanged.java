package org.lawline.handoff.escalation;

/** Something the inbox shows about this escalation changed (queued, claimed, a message, timed out, closed). */
public record EscalationChanged(long escalationId) {
}
