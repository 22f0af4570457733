package org.lawline.handoff.escalation;

import java.time.Instant;
import java.util.Optional;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.EscalationRequested;

/**
 * A chat handed to the duty lawyers: waiting, held by one lawyer, timed out to a 12348 callback,
 * cancelled by the citizen, or closed. Its id names the consultation in the inbox until
 * {@code ConversationId} does.
 *
 * @param dueAt  when the pickup timer fires if nobody claims it
 * @param closeNote what the lawyer noted when closing it, if anything
 * @param rating the citizen's rating once closed ({@code SATISFIED}, {@code DISSATISFIED}), if they gave one
 */
public record Escalation(long id, ChannelIdentity citizen, EscalationRequested.Reason reason, Status status, Instant requestedAt,
                         Instant dueAt, Optional<String> claimedBy, Optional<Instant> claimedAt, Optional<Instant> timedOutAt,
                         Optional<Instant> closedAt, Optional<String> outcome, Optional<String> closeNote,
                         Optional<String> rating) {

    public enum Status {
        /** In the queue; the pickup timer runs. */
        WAITING,
        /** A duty lawyer holds it. */
        CLAIMED,
        /** Nobody claimed it in time: the 12348 callback took over (a lawyer may still claim it). */
        TIMED_OUT,
        /** The citizen left the queue (取消). */
        CANCELLED,
        /** The lawyer closed the consultation. */
        CLOSED
    }
}
