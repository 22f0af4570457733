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
public record CitizenWroteToLawyer(EventId id, ConversationId conversation, ChannelIdentity citizen, String messageId, String lawyerId,
                                   String text, Instant wroteAt) implements ConversationEvent {

    public CitizenWroteToLawyer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(citizen, "citizen");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(lawyerId, "lawyerId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(wroteAt, "wroteAt");
    }

    @Override
    public Instant occurredAt() {
        return wroteAt;
    }

    /** The text is the citizen's: not for logs. */
    @Override
    public String toString() {
        return "CitizenWroteToLawyer[id=" + id + ", conversation=" + conversation + ", citizen=" + citizen + ", messageId=" + messageId + ", lawyerId=" + lawyerId
                + ", length=" + text.length() + ", wroteAt=" + wroteAt + "]";
    }
}
