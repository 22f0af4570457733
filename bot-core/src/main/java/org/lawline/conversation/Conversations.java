package org.lawline.conversation;

/**
 * The conversation engine: takes a citizen's message and decides the reply. Thread safe.
 *
 * <p>Each reply is also published as a {@link ReplyComposed} event, so that every message to a
 * citizen leaves through one path.
 */
public interface Conversations {

    /** Handles one message and returns the reply; never throws for anything a citizen can write. */
    Reply handle(InboundMessage message);

    /** The state of the citizen's conversation now ({@link DialogState#BOT} when there is none). */
    DialogState stateOf(ChannelIdentity citizen);
}
