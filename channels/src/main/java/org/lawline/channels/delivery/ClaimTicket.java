package org.lawline.channels.delivery;

import org.lawline.conversation.ChannelIdentity;

/**
 * Proof of owning one inbound claim, at one version. Every change of owner raises the version;
 * an owner's writes name the version they hold, so an owner that was taken over (it stalled past
 * the lease) changes nothing and learns it lost.
 */
public record ClaimTicket(long id, int version, ChannelIdentity citizen, String key) {
}
