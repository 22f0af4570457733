package org.lawline.conversation.dialog;

import java.util.Objects;
import org.lawline.conversation.ConversationSnapshot;
import org.lawline.conversation.Reply;

/**
 * The outcome of one message: the reply, the state to save, and what else the rest of LawLine
 * must hear about.
 *
 * @param silent true when the citizen gets no message from the bot (a duty lawyer holds the chat)
 */
record Turn(Reply reply, ConversationSnapshot next, Effect effect, boolean silent) {

    Turn {
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(effect, "effect");
    }

    static Turn of(Reply reply, ConversationSnapshot next) {
        return new Turn(reply, next, Effect.NONE, false);
    }

    enum Effect {
        NONE,
        /** The citizen asked for a person: publish {@code EscalationRequested}. */
        REQUEST_ESCALATION,
        /** The citizen left the queue: publish {@code EscalationCancelled}. */
        CANCEL_ESCALATION
    }
}
