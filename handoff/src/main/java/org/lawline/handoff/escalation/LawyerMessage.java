package org.lawline.handoff.escalation;

import java.time.Instant;

/** What a duty lawyer wrote to the citizen. The text is the lawyer's advice: not for logs. */
public record LawyerMessage(long escalationId, String lawyer, String text, Instant sentAt) {

    @Override
    public String toString() {
        return "LawyerMessage[escalation=" + escalationId + ", lawyer=" + lawyer + ", length=" + text.length() + ", sentAt=" + sentAt + "]";
    }
}
