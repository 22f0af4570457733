package org.lawline.conversation.transcript;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;
import org.lawline.conversation.AnswerFeedback;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.MobileNumber;
import org.lawline.conversation.Reply;

/**
 * One utterance of a conversation's transcript: what the citizen wrote, or what the bot answered.
 *
 * @param id         unique, so that a row written twice (a replayed journal) is stored once
 * @param conversation the consultation the utterance belongs to
 * @param messageId  the channel's id of the citizen's message this belongs to; empty for what the
 *                   bot said on a command (a lawyer claimed the chat …)
 * @param replyKind  for the bot: the kind of reply; empty for the citizen
 * @param latencyMs  for the bot: how long the engine took from the message to the reply
 * @param state      the conversation's state after the utterance
 */
public record TurnRecord(String id, ConversationId conversation, ChannelIdentity citizen, Optional<String> messageId, Speaker speaker, String text,
                         Optional<String> replyKind, Optional<String> entryId, OptionalDouble score, OptionalInt latencyMs,
                         DialogState state, Instant occurredAt) {

    public enum Speaker { CITIZEN, BOT }

    public TurnRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(citizen, "citizen");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(replyKind, "replyKind");
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(latencyMs, "latencyMs");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** What the citizen wrote; a mobile number in it is kept masked (the callback has its own record of it). */
    public static TurnRecord citizen(ConversationId conversation, ChannelIdentity citizen, String messageId, String text,
                                     DialogState state, Instant receivedAt) {
        return new TurnRecord(UUID.randomUUID().toString(), conversation, citizen, Optional.of(messageId), Speaker.CITIZEN, MobileNumber.maskWithin(text),
                Optional.empty(), Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(), state, receivedAt);
    }

    /**
     * What the bot answered, {@code latencyMs} after the message (or the command) came in, mobile numbers in it masked. The
     * answer to a message has the id {@link AnswerFeedback#turnAnswering} gives, so that the
     * channel can name it when the citizen says whether it helped.
     */
    public static TurnRecord bot(ConversationId conversation, ChannelIdentity citizen, Optional<String> inReplyTo, Reply reply,
                                 int latencyMs, Instant at) {
        String id = inReplyTo.map(message -> AnswerFeedback.turnAnswering(citizen, message)).orElseGet(() -> UUID.randomUUID().toString());
        return new TurnRecord(id, conversation, citizen, inReplyTo, Speaker.BOT, MobileNumber.maskWithin(reply.text()),
                Optional.of(reply.kind().wireName()), reply.entryId(), reply.score(), OptionalInt.of(latencyMs), reply.state(), at);
    }

    /** The text is the citizen's: not for logs. */
    @Override
    public String toString() {
        return "TurnRecord[id=" + id + ", conversation=" + conversation + ", citizen=" + citizen + ", speaker=" + speaker + ", length=" + text.length()
                + ", state=" + state + ", occurredAt=" + occurredAt + "]";
    }
}
