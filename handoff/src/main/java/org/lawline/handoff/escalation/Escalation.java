package org.lawline.handoff.escalation;

import java.time.Instant;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.EscalationRequested;

/** A chat waiting for (or held by) a duty lawyer. */
record Escalation(long id, ChannelIdentity citizen, EscalationRequested.Reason reason, Status status, Instant requestedAt) {

    enum Status { WAITING, CANCELLED }
}
