package org.lawline.channels.delivery;

import java.util.Optional;

/**
 * What became of one message: the state its parts ended in (the first part that did not go out
 * decides) and why, tied to the message by its id. A message the engine composed is recorded under
 * its reply's id ({@link org.lawline.conversation.ReplyComposed#replyId()}), so for a reply the
 * {@code messageId} names the reply.
 */
public record Delivery(String messageId, PartState state, Optional<String> reason) {

    static Delivery sent(String messageId) {
        return new Delivery(messageId, PartState.SENT, Optional.empty());
    }

    public boolean isSent() {
        return state == PartState.SENT;
    }
}
