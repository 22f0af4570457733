package org.lawline.channels.sms;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import org.lawline.channels.delivery.ChannelPlatform;
import org.lawline.channels.delivery.OutboundPart;
import org.lawline.channels.delivery.PartLimit;
import org.lawline.channels.delivery.PlatformAnswer;
import org.lawline.channels.delivery.Purpose;
import org.lawline.channels.delivery.SendPermission;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;

/**
 * The hotline channel's platform: a caller who left a voicemail has only a phone number, so the
 * duty lawyer's reply goes there by SMS, through one configured gateway, by the SMS channel's own
 * rules (the link, the daily cap per number).
 *
 * @param gatewayName the gateway that answers the hotline's callers
 */
record HotlineCallers(SmsPlatform sms, String gatewayName) implements ChannelPlatform {

    @Override
    public Channel channel() {
        return Channel.HOTLINE;
    }

    @Override
    public PartLimit partLimit() {
        return sms.partLimit();
    }

    @Override
    public List<String> split(String text) {
        return sms.splitThrough(gatewayName, text);
    }

    @Override
    public Executor dispatcher() {
        return sms.dispatcher();
    }

    @Override
    public SendPermission mayWeSend(ChannelIdentity to, Purpose purpose, Instant now) {
        return sms.mayWeSendThrough(gatewayName, to, now);
    }

    @Override
    public java.util.Optional<org.lawline.channels.ReplyDeliveries.SendAllowance> allowance(ChannelIdentity to, Instant now) {
        return java.util.Optional.of(sms.allowanceOf(to, now));
    }

    @Override
    public PlatformAnswer send(OutboundPart part) {
        return sms.sendThrough(gatewayName, part, part.text());
    }
}
