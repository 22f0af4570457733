package org.lawline.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message to a citizen is ready to leave on their channel.
 *
 * @param id        the event's id, which is also the reply's: a channel's delivery of this reply
 *                  names it, so that what happened to a reply can be found from the reply
 * @param inReplyTo the inbound message this answers, when it answers one; empty for messages the
 *                  citizen did not just ask for (a lawyer's reply, a notice), which a channel must
 *                  push on its own
 */
public record ReplyComposed(EventId id, ConversationId conversation, ChannelIdentity to, Optional<String> inReplyTo, Reply reply,
                            Instant composedAt) implements ConversationEvent {

    public ReplyComposed {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(composedAt, "composedAt");
    }

    /** The reply's id: {@link #id()}. */
    public EventId replyId() {
        return id;
    }

    @Override
    public ChannelIdentity citizen() {
        return to;
    }

    @Override
    public Instant occurredAt() {
        return composedAt;
    }
}
