package org.lawline.handoff.escalation;

import java.time.Instant;
import java.util.Optional;
import org.lawline.conversation.EventId;

/**
 * What a duty lawyer wrote to the citizen. The text is the lawyer's advice: not for logs.
 *
 * @param replyId the reply it left as, whose delivery the channels keep; empty for messages from before replies were named
 */
public record LawyerMessage(long escalationId, String lawyer, String text, Instant sentAt, Optional<EventId> replyId) {

    @Override
    public String toString() {
        return "LawyerMessage[escalation=" + escalationId + ", lawyer=" + lawyer + ", length=" + text.length() + ", sentAt=" + sentAt + ", reply=" + replyId.map(EventId::toString).orElse("-") + "]";
    }
}
