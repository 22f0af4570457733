package org.lawline.channels.wechat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.lawline.channels.delivery.ClaimTicket;
import org.lawline.channels.delivery.ClaimedReplies;
import org.lawline.channels.delivery.InboundClaims;
import org.lawline.channels.delivery.ReplyWindows;
import org.lawline.channels.delivery.StrandedAnswers;
import org.lawline.channels.delivery.StrandedClaim;
import org.lawline.conversation.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a WeChat message whose instance died while the engine worked on it: WeChat stopped
 * retrying long ago, so the answer goes as a customer-service message, from the message kept with
 * the claim, if WeChat's window still allows one.
 */
class StrandedMessages implements StrandedAnswers {

    private static final Logger log = LoggerFactory.getLogger(StrandedMessages.class);

    private final InboundClaims claims;
    private final ClaimedReplies replies;
    private final Responder responder;
    private final ReplyWindows windows;
    private final Clock clock;
    private final Duration window;

    StrandedMessages(InboundClaims claims, ClaimedReplies replies, Responder responder, ReplyWindows windows, Clock clock,
                     Duration window) {
        this.claims = claims;
        this.replies = replies;
        this.responder = responder;
        this.windows = windows;
        this.clock = clock;
        this.window = window;
    }

    @Override
    public Channel channel() {
        return Channel.WECHAT;
    }

    @Override
    public boolean answer(StrandedClaim claim, ClaimTicket ticket) {
        Instant now = clock.instant();
        String account = claim.citizen().account();
        if (claim.receivedAt().isBefore(now.minus(window))) {
            // WeChat would refuse a customer-service message now (45015); asking the engine is moot.
            claims.answeredLater(ticket, now);
            log.info("Claim {} left unanswered on {}: WeChat's window has closed", claim.id(), account);
            return false;
        }
        Inbound inbound;
        try {
            inbound = Inbound.of(account, WeChatXml.parse(claim.payload().getBytes(StandardCharsets.UTF_8)));
        } catch (WeChatXml.InvalidXml e) {
            claims.answeredLater(ticket, now);
            log.warn("Claim {} on {} kept an unreadable message: {}", claim.id(), account, e.getMessage());
            return false;
        }
        if (!(inbound instanceof Inbound.Event)) {
            // the dead instance may have died before noting the window, or this process forgot it
            windows.citizenWroteEarlier(inbound.citizen(), claim.receivedAt());
        }
        Optional<String> reply = responder.respond(inbound);
        replies.sendLater(ticket, reply);
        return reply.isPresent();
    }
}
