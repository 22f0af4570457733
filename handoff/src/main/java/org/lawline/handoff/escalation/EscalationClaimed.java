package org.lawline.handoff.escalation;

import java.time.Instant;

/**
 * A duty lawyer took the chat; {@code afterTimeout} when the 12348 callback had already taken
 * over (a late claim), whose callback is then no longer needed.
 */
public record EscalationClaimed(long escalationId, String lawyer, boolean afterTimeout, Instant claimedAt) {
}
