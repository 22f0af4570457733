package org.lawline.conversation;

import java.time.Instant;
import java.util.Optional;

/**
 * A message to a citizen is ready to leave on their channel.
 *
 * @param inReplyTo the inbound message this answers, when it answers one; empty for messages the
 *                  citizen did not just ask for (a lawyer's reply, a notice), which a channel must
 *                  push on its own
 */
public record ReplyComposed(ChannelIdentity to, Optional<String> inReplyTo, Reply reply, Instant composedAt) {
}
