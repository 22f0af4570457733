package org.lawline.channels.delivery;

import java.time.Instant;
import org.lawline.conversation.ChannelIdentity;

/**
 * A claim left {@link ClaimStatus#ANSWERING} for longer than the lease, with what its channel
 * kept to answer it: its instance died.
 */
public record StrandedClaim(long id, int version, ChannelIdentity citizen, String key, String payload, Instant receivedAt) {

    @Override
    public String toString() {
        // the payload holds the citizen's words: not for logs
        return "StrandedClaim[id=" + id + ", citizen=" + citizen + ", receivedAt=" + receivedAt + "]";
    }
}
