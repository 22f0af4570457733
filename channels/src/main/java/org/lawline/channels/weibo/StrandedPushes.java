package org.lawline.channels.weibo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.lawline.channels.delivery.ClaimTicket;
import org.lawline.channels.delivery.ClaimedReplies;
import org.lawline.channels.delivery.InboundClaims;
import org.lawline.channels.delivery.StrandedAnswers;
import org.lawline.channels.delivery.StrandedClaim;
import org.lawline.conversation.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A push whose instance died while answering it: Weibo's repeats are long over, so the answer
 * goes through reply.json, worked out again from the push kept with the claim, while the
 * follower's window is still open.
 */
final class StrandedPushes implements StrandedAnswers {

    private static final Logger log = LoggerFactory.getLogger(StrandedPushes.class);

    private final InboundClaims claims;
    private final ClaimedReplies later;
    private final PushResponder responder;
    /** Past this since the push, Weibo would refuse reply.json: asking the engine is moot. */
    private final long windowSeconds;
    private final FollowerWindows windows;
    private final Clock clock;

    StrandedPushes(InboundClaims claims, ClaimedReplies later, PushResponder responder, FollowerWindows windows,
                   Duration replyWindow, Clock clock) {
        this.windowSeconds = replyWindow.toSeconds();
        this.claims = claims;
        this.later = later;
        this.responder = responder;
        this.windows = windows;
        this.clock = clock;
    }

    @Override
    public boolean answer(StrandedClaim claim, ClaimTicket ticket) {
        if (clock.instant().isAfter(claim.receivedAt().plusSeconds(windowSeconds))) {
            claims.answeredLater(ticket, clock.instant());
            log.info("Claim {} of {} closed unanswered: Weibo's window is over", claim.id(), claim.citizen());
            return false;
        }
        Push push;
        try {
            push = PushParser.parse(claim.citizen().account(), claim.payload().getBytes(StandardCharsets.UTF_8));
        } catch (PushParser.MalformedPush unreadable) {
            claims.answeredLater(ticket, clock.instant());
            log.warn("Claim {} of {} kept a push that no longer reads: {}", claim.id(), claim.citizen(), unreadable.getMessage());
            return false;
        }
        if (push instanceof Push.Mention) {
            windows.mentioned(push.follower(), claim.receivedAt());
        } else {
            // the instance may have died before it noted the window, or this one forgot it
            windows.actedEarlier(push.follower(), claim.receivedAt());
        }
        Optional<String> reply = responder.answer(push);
        later.sendLater(ticket, reply);
        return reply.isPresent();
    }

    @Override
    public Channel channel() {
        return Channel.WEIBO;
    }
}
