package org.lawline.channels.delivery;

import java.util.List;
import org.lawline.conversation.ChannelIdentity;

/** A message recorded in the outbox: its id, its citizen and its parts' ids in order. */
public record OutboundMessage(String id, ChannelIdentity to, List<Long> partIds) {

    public OutboundMessage {
        partIds = List.copyOf(partIds);
    }
}
