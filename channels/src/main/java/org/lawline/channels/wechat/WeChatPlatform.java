package org.lawline.channels.wechat;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import org.lawline.channels.ReplyDeliveries;
import org.lawline.channels.delivery.ChannelPlatform;
import org.lawline.channels.delivery.OutboundPart;
import org.lawline.channels.delivery.PartLimit;
import org.lawline.channels.delivery.PlatformAnswer;
import org.lawline.channels.delivery.Purpose;
import org.lawline.channels.delivery.ReplyWindows;
import org.lawline.channels.delivery.SendPermission;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;

/**
 * WeChat's rules for the shared outbox: customer-service messages (a late answer, a duty lawyer's
 * reply) of at most 2048 bytes, within 48 hours of the citizen's last message and the window's
 * allowance. WxJava itself refreshes an expired access_token once and resends once (40001, 42001).
 */
class WeChatPlatform implements ChannelPlatform {

    /** WeChat's limit for the Content of a text message. */
    static final PartLimit TEXT = PartLimit.utf8Bytes(2048);

    /** The closed-window reason the duty lawyers' inbox shows. */
    static final String CITIZEN_MUST_WRITE = "not delivered: the citizen has to write again";

    /** WeChat: outside the 48-hour window, or the follower left. */
    static final int WINDOW_CLOSED = 45015;
    /** WeChat: the window's allowance of messages is used up. */
    static final int ALLOWANCE_SPENT = 45047;

    private final WeChatAccounts accounts;
    private final ReplyWindows windows;
    private final Executor workers;

    /** @param workers the channel's bounded pool: what no webhook waits for is sent from there */
    WeChatPlatform(WeChatAccounts accounts, ReplyWindows windows, Executor workers) {
        this.accounts = accounts;
        this.windows = windows;
        this.workers = workers;
    }

    @Override
    public Executor dispatcher() {
        return workers;
    }

    @Override
    public Channel channel() {
        return Channel.WECHAT;
    }

    @Override
    public PartLimit partLimit() {
        return TEXT;
    }

    @Override
    public SendPermission mayWeSend(ChannelIdentity to, Purpose purpose, Instant now) {
        return switch (windows.use(to, now)) {
            case WINDOW_CLOSED -> new SendPermission.Refused(CITIZEN_MUST_WRITE + " (48-hour window closed)");
            case SPENT -> new SendPermission.Refused(CITIZEN_MUST_WRITE + " (messages for this window used up)");
            case ALLOWED -> SendPermission.allowed();
        };
    }

    @Override
    public Optional<ReplyDeliveries.SendAllowance> allowance(ChannelIdentity to, Instant now) {
        ReplyWindows.Standing standing = windows.standing(to, now);
        return Optional.of(new ReplyDeliveries.SendAllowance(standing.verdict() == ReplyWindows.Verdict.ALLOWED,
                Optional.of(standing.left()), standing.closesAt()));
    }

    @Override
    public PlatformAnswer send(OutboundPart part) {
        Optional<WeChatAccounts.Served> account = accounts.find(part.to().account());
        if (account.isEmpty()) {
            return new PlatformAnswer.Failed("account " + part.to().account() + " is not configured");
        }
        try {
            account.get().api().getKefuService().sendKefuMessage(
                    WxMpKefuMessage.TEXT().toUser(part.to().citizenId()).content(part.text()).build());
            return PlatformAnswer.accepted();
        } catch (WxErrorException e) {
            int code = errcode(e);
            if (code == WINDOW_CLOSED || code == ALLOWANCE_SPENT) {
                return new PlatformAnswer.Refused(CITIZEN_MUST_WRITE + " (WeChat errcode " + code + ")");
            }
            return new PlatformAnswer.Failed("WeChat errcode " + code);
        } catch (RuntimeException e) {
            // WxJava wraps network failures and lock timeouts; its message may hold the URL with the token.
            return new PlatformAnswer.Failed("WeChat API unreachable (" + e.getClass().getSimpleName() + ")");
        }
    }

    static int errcode(WxErrorException e) {
        return e.getError() == null ? 0 : e.getError().getErrorCode();
    }
}
