package org.lawline.conversation.state;

import org.lawline.conversation.ConversationStoreUnavailable;

/**
 * The conversation stayed busy (another message of the same citizen being handled) for the whole
 * wait. The store itself is fine, so this does not make the engine pause its use of the store.
 */
public final class TurnNotTaken extends ConversationStoreUnavailable {

    public TurnNotTaken(String message) {
        super(message, null);
    }
}
