package org.lawline.conversation.dialog;

import java.util.List;
import java.util.Objects;
import org.lawline.conversation.ConversationEvent;
import org.lawline.conversation.ConversationSnapshot;
import org.lawline.conversation.Reply;

/**
 * The outcome of one message or command: the reply, the state to save, and the events the rest of
 * LawLine must hear about, in the order they happened.
 */
record Turn(Reply reply, ConversationSnapshot next, List<ConversationEvent> events) {

    Turn {
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(next, "next");
        events = List.copyOf(events);
    }

    static Turn of(Reply reply, ConversationSnapshot next) {
        return new Turn(reply, next, List.of());
    }

    /** The citizen gets no message from the bot: a duty lawyer holds the chat. */
    boolean silent() {
        return reply instanceof Reply.Relayed;
    }
}
