package org.lawline.handoff.callback;

import java.time.Instant;
import java.util.Optional;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.MobileNumber;

/**
 * A 12348 callback on the operators' list. {@link #toString()} masks the number.
 *
 * @param status PENDING until an operator ends it as REACHED, RESOLVED or UNREACHABLE (after the
 *               last try), or CANCELLED when a lawyer claimed the chat late or the citizen cancelled
 */
public record CallbackRequest(long id, long escalationId, ChannelIdentity citizen, MobileNumber phone, Status status, int attempts,
                              Instant requestedAt, Instant dueBy, Optional<String> note) {

    public enum Status { PENDING, REACHED, RESOLVED, UNREACHABLE, CANCELLED }

    @Override
    public String toString() {
        return "CallbackRequest[" + id + ", escalation=" + escalationId + ", phone=" + phone.masked() + ", " + status + "]";
    }
}
