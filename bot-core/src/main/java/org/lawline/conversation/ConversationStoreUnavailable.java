package org.lawline.conversation;

/**
 * The conversation store could not be read or written in time (Redis down, timed out, or its
 * request queue full). The message names the operation and the masked identity, never a secret.
 */
public class ConversationStoreUnavailable extends RuntimeException {

    public ConversationStoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
