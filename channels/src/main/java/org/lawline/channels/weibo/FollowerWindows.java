package org.lawline.channels.weibo;

import java.time.Duration;
import java.time.Instant;
import org.lawline.channels.delivery.ReplyWindows;
import org.lawline.conversation.ChannelIdentity;

/**
 * When Weibo lets us write to a follower through reply.json: without limit within 48 hours of
 * the follower's last message, follow, menu click or scan; once within 48 hours of an @-mention.
 * Kept on the shared {@link ReplyWindows}: an action opens its window, a mention is its prompt
 * with an allowance of one. A bean of this channel's own, so that WeChat's windows and Weibo's
 * never meet.
 */
final class FollowerWindows {

    /** "Without limit": more than any chat sends in 48 hours. */
    private static final int UNLIMITED = Integer.MAX_VALUE;

    private final ReplyWindows windows;

    FollowerWindows(ReplyWindows windows) {
        this.windows = windows;
    }

    static ReplyWindows.Limits limits(Duration window) {
        return new ReplyWindows.Limits(window, UNLIMITED, 1, window);
    }

    void acted(ChannelIdentity follower, Instant at) {
        windows.citizenWrote(follower, at);
    }

    /** An action noted late (its instance died first): it never shortens a later window. */
    void actedEarlier(ChannelIdentity follower, Instant at) {
        windows.citizenWroteEarlier(follower, at);
    }

    void mentioned(ChannelIdentity follower, Instant at) {
        windows.citizenPrompted(follower, at);
    }

    /** What the window allows now, taking nothing. */
    ReplyWindows.Standing standing(ChannelIdentity follower, Instant at) {
        return windows.standing(follower, at);
    }

    /** Takes one message from what the window allows. */
    ReplyWindows.Verdict take(ChannelIdentity follower, Instant at) {
        return windows.use(follower, at);
    }
}
