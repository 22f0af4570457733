package org.lawline.conversation;

import java.util.Objects;

/**
 * Who a citizen is on one channel: the channel (web, wechat, weibo, sms), the account there
 * (one official account of several) and the channel's own id for the citizen (openid, uid,
 * phone number). One identity is one conversation.
 *
 * <p>{@link #toString()} masks the citizen id, so an identity can be logged.
 */
public record ChannelIdentity(String channel, String account, String citizenId) {

    public ChannelIdentity {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(citizenId, "citizenId");
        if (channel.isBlank() || account.isBlank() || citizenId.isBlank()) {
            throw new IllegalArgumentException("A channel identity needs a channel, an account and a citizen id");
        }
    }

    /** A stable key for stores: {@code channel:account:citizenId}. */
    public String key() {
        return channel + ":" + account + ":" + citizenId;
    }

    @Override
    public String toString() {
        String id = citizenId.length() <= 4 ? "****" : citizenId.substring(0, 2) + "****" + citizenId.substring(citizenId.length() - 2);
        return channel + ":" + account + ":" + id;
    }
}
