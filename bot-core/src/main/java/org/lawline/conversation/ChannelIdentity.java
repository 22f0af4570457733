package org.lawline.conversation;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a citizen is on one channel: the channel, the account there (one official account of
 * several) and the channel's own id for the citizen (openid, uid, phone number). One identity is
 * one conversation.
 *
 * @param phone the citizen's mobile number when the channel itself gives one (an SMS sender's);
 *              the adapter supplies it, so that the conversation knows whether a callback needs
 *              to ask for a number without knowing any channel
 *
 * <p>{@link #toString()} masks the citizen id, so an identity can be logged.
 */
public record ChannelIdentity(Channel channel, String account, String citizenId, Optional<MobileNumber> phone) {

    public ChannelIdentity {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(citizenId, "citizenId");
        Objects.requireNonNull(phone, "phone");
        if (account.isBlank() || citizenId.isBlank()) {
            throw new IllegalArgumentException("A channel identity needs an account and a citizen id");
        }
    }

    /** A citizen whose channel gives no phone number. */
    public ChannelIdentity(Channel channel, String account, String citizenId) {
        this(channel, account, citizenId, Optional.empty());
    }

    /** A stable key for stores: {@code channel:account:citizenId}. */
    public String key() {
        return channel.wireName() + ":" + account + ":" + citizenId;
    }

    @Override
    public String toString() {
        String id = citizenId.length() <= 4 ? "****" : citizenId.substring(0, 2) + "****" + citizenId.substring(citizenId.length() - 2);
        return channel.wireName() + ":" + account + ":" + id;
    }
}
