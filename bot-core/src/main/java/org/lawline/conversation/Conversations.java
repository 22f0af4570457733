package org.lawline.conversation;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The conversation engine: takes a citizen's message and decides the reply, and takes handoff's
 * commands about the duty lawyer. Thread safe; the messages and commands of one conversation are
 * handled one at a time, in order, across every LawLine instance sharing the store.
 *
 * <p>Each reply is also published as a {@link ReplyComposed} event, so that every message to a
 * citizen leaves through one path.
 */
public interface Conversations {

    /** Handles one message and returns the reply; never throws for anything a citizen can write. */
    Reply handle(InboundMessage message);

    /**
     * Completes when messages are also understood by meaning: the recogniser of emergencies,
     * requests for a person and referrals is trained in the background at start (seconds, or
     * about a minute the first time on a new machine, while sentence vectors are computed), and
     * until then the keyword rules alone decide. A one-shot command that answers questions waits
     * for it; a server needs not.
     */
    default CompletionStage<Void> understandingReady() {
        return CompletableFuture.completedFuture(null);
    }

    /** The state of the citizen's conversation now ({@link DialogState#BOT} when there is none). */
    DialogState stateOf(ChannelIdentity citizen);

    /**
     * A duty lawyer took the chat (handoff's claim succeeded). The citizen is told who answers
     * now; from here the bot is silent and the citizen's messages go to the lawyer as
     * {@link CitizenWroteToLawyer}. A second claim while a lawyer holds the chat is a transfer.
     *
     * @return what the citizen was told (also published as {@link ReplyComposed} without
     *         {@code inReplyTo}); empty when the conversation is no longer waiting for a person
     *         (the citizen cancelled, or it ended): nothing changed, nothing was sent
     * @throws ConversationStoreUnavailable when the conversation's state cannot be read or
     *         written now; nothing changed, and the command may be retried
     */
    default Optional<Reply> lawyerClaimed(ChannelIdentity citizen, String lawyerId) {
        throw new UnsupportedOperationException("lawyerClaimed is not supported by " + getClass().getName());
    }

    /**
     * The duty lawyer closed the consultation: the citizen is told, {@link ConversationClosed} is
     * published, and the next message starts afresh with the bot.
     *
     * @return what the citizen was told; empty when no lawyer held the chat
     * @throws ConversationStoreUnavailable as for {@link #lawyerClaimed}
     */
    default Optional<Reply> lawyerClosed(ChannelIdentity citizen) {
        throw new UnsupportedOperationException("lawyerClosed is not supported by " + getClass().getName());
    }

    /**
     * No duty lawyer picked the chat up in time. When the citizen's channel gives a mobile number
     * (SMS), the callback is scheduled at once and {@link CallbackNumberConfirmed} published;
     * otherwise the citizen is asked for a number, read back masked to confirm.
     *
     * @return what the citizen was told; empty when the chat is no longer waiting (claimed or
     *         cancelled meanwhile: a claim just before the timer wins)
     * @throws ConversationStoreUnavailable as for {@link #lawyerClaimed}
     */
    default Optional<Reply> pickupTimedOut(ChannelIdentity citizen) {
        throw new UnsupportedOperationException("pickupTimedOut is not supported by " + getClass().getName());
    }
}
