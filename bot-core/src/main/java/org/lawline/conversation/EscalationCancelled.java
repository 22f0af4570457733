package org.lawline.conversation;

import java.time.Instant;

/** The citizen left the queue for a duty lawyer (取消 while waiting). */
public record EscalationCancelled(ChannelIdentity citizen, Instant cancelledAt) {
}
