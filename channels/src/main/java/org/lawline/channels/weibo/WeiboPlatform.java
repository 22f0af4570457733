package org.lawline.channels.weibo;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.lawline.channels.ReplyDeliveries;
import org.lawline.channels.delivery.ChannelPlatform;
import org.lawline.channels.delivery.ReplyWindows;
import org.lawline.channels.delivery.OutboundPart;
import org.lawline.channels.delivery.PartLimit;
import org.lawline.channels.delivery.PlatformAnswer;
import org.lawline.channels.delivery.Purpose;
import org.lawline.channels.delivery.SendPermission;
import org.lawline.channels.delivery.Subscribers;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;

/**
 * Weibo's rules for the shared outbox: text under 300 characters a message, sent through
 * reply.json only while the follower's window is open (48 hours after their last action, one
 * message after a mention) and never to a follower who unfollowed.
 */
final class WeiboPlatform implements ChannelPlatform {

    /** "Under 300 Chinese characters": 299 at the most. */
    static final PartLimit TEXT = PartLimit.characters(299);

    /** The refusal the duty lawyers' inbox shows; the follower has to write first. */
    static final String FOLLOWER_MUST_WRITE = "not delivered: the follower has to write again";

    private final WeiboAccounts accounts;
    private final FollowerWindows windows;
    private final Subscribers subscribers;
    private final ReplyApi api;
    private final Executor workers;

    /** @param workers the channel's bounded pool: what no push waits for is sent from there */
    WeiboPlatform(WeiboAccounts accounts, FollowerWindows windows, Subscribers subscribers, WeiboSettings settings, Executor workers) {
        this.api = new ReplyApi(settings.callTimeout(), settings.refusals());
        this.accounts = accounts;
        this.windows = windows;
        this.subscribers = subscribers;
        this.workers = workers;
    }

    @Override
    public Channel channel() {
        return Channel.WEIBO;
    }

    @Override
    public PartLimit partLimit() {
        return TEXT;
    }

    @Override
    public Executor dispatcher() {
        return workers;
    }

    @Override
    public SendPermission mayWeSend(ChannelIdentity to, Purpose purpose, Instant now) {
        if (!subscribers.mayReceiveNotices(to)) {
            // Weibo forbids any message after an unfollow, until the follower follows again
            return new SendPermission.Refused("not delivered: the follower unfollowed the account");
        }
        return switch (windows.take(to, now)) {
            case ALLOWED -> SendPermission.allowed();
            case WINDOW_CLOSED -> new SendPermission.Refused(FOLLOWER_MUST_WRITE + " (48-hour window closed)");
            case SPENT -> new SendPermission.Refused(FOLLOWER_MUST_WRITE + " (the one reply a mention allows is used)");
        };
    }

    @Override
    public Optional<ReplyDeliveries.SendAllowance> allowance(ChannelIdentity to, Instant now) {
        if (!subscribers.mayReceiveNotices(to)) {
            return Optional.of(new ReplyDeliveries.SendAllowance(false, Optional.of(0), Optional.empty()));
        }
        ReplyWindows.Standing standing = windows.standing(to, now);
        // within 48 hours of the follower's own message Weibo counts nothing: no number to show
        Optional<Integer> left = standing.left() == Integer.MAX_VALUE ? Optional.empty() : Optional.of(standing.left());
        return Optional.of(new ReplyDeliveries.SendAllowance(standing.verdict() == ReplyWindows.Verdict.ALLOWED, left,
                standing.closesAt()));
    }

    @Override
    public PlatformAnswer send(OutboundPart part) {
        Optional<WeiboAccounts.Served> account = accounts.find(part.to().account());
        if (account.isEmpty()) {
            return new PlatformAnswer.Failed("Weibo account " + part.to().account() + " is not configured");
        }
        return api.sendText(account.get().settings(), part.to().citizenId(), part.text());
    }
}
