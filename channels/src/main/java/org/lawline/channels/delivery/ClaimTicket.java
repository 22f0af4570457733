package org.lawline.channels.delivery;

import org.lawline.conversation.ChannelIdentity;

/**
 * Proof of owning one inbound claim, at one version. Every change of owner raises the version;
 * an owner's writes name the version they hold, so an owner that was taken over (it stalled past
 * the lease) changes nothing and learns it lost.
 *
 * @param heldInRedisOnly the claim was made while the database could not be reached: Redis alone
 *                        holds it, and its row is written once the database is back ({@code id}
 *                        and {@code version} then mean nothing)
 */
public record ClaimTicket(long id, int version, ChannelIdentity citizen, String key, boolean heldInRedisOnly) {

    public ClaimTicket(long id, int version, ChannelIdentity citizen, String key) {
        this(id, version, citizen, key, false);
    }

    static ClaimTicket heldInRedis(ChannelIdentity citizen, String key) {
        return new ClaimTicket(0, 0, citizen, key, true);
    }
}
