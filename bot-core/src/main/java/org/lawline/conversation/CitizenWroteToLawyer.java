package org.lawline.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * A citizen wrote while a duty lawyer holds the chat. The bot stays silent (the engine returns
 * {@link Reply.Relayed}); handoff shows the message in the lawyer's inbox.
 *
 * @param messageId the channel's id of the inbound message
 * @param lawyerId  the lawyer holding the chat, as handoff named them in
 *                  {@link Conversations#lawyerClaimed}
 */
public record CitizenWroteToLawyer(ChannelIdentity citizen, String messageId, String lawyerId, String text, Instant wroteAt) {

    public CitizenWroteToLawyer {
        Objects.requireNonNull(citizen, "citizen");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(lawyerId, "lawyerId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(wroteAt, "wroteAt");
    }

    /** The text is the citizen's: not for logs. */
    @Override
    public String toString() {
        return "CitizenWroteToLawyer[citizen=" + citizen + ", messageId=" + messageId + ", lawyerId=" + lawyerId
                + ", length=" + text.length() + ", wroteAt=" + wroteAt + "]";
    }
}
