package org.lawline.channels.sms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.lawline.channels.delivery.ChannelPlatform;
import org.lawline.channels.ReplyDeliveries;
import org.lawline.channels.delivery.DailyCaps;
import org.lawline.channels.delivery.OutboundPart;
import org.lawline.channels.delivery.PartLimit;
import org.lawline.channels.delivery.PlatformAnswer;
import org.lawline.channels.delivery.Purpose;
import org.lawline.channels.delivery.QuietHours;
import org.lawline.channels.delivery.SendPermission;
import org.lawline.channels.delivery.Subscribers;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;

/**
 * SMS's rules for the shared outbox, whatever the gateway: a daily cap per number, publicity only
 * 08:00–21:00, never to a number that sent TD, and always with the unsubscribe hint. How a
 * message is cut and sent is the citizen's gateway's ({@link SmsGateway}): carrier parts one
 * {@code SendSms} call each, or one concatenated message over SMPP.
 */
record SmsPlatform(SmsGateways gateways, DailyCaps caps, int dailyCap, Subscribers subscribers, Executor workers)
        implements ChannelPlatform {

    /** What publicity ends with, as the rules for publicity texts ask. */
    static final String UNSUBSCRIBE_HINT = "回TD退订";

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public PartLimit partLimit() {
        return PartLimit.characters(CarrierParts.PART);
    }

    @Override
    public List<String> split(String text) {
        return CarrierParts.split(text);
    }

    @Override
    public List<String> split(ChannelIdentity to, String text) {
        return splitThrough(to.account(), text);
    }

    @Override
    public Executor dispatcher() {
        return workers;
    }

    @Override
    public SendPermission mayWeSend(ChannelIdentity to, Purpose purpose, Instant now) {
        if (purpose == Purpose.PUBLICITY) {
            if (!subscribers.mayReceiveNotices(to)) {
                return new SendPermission.Refused("not delivered: the number unsubscribed from publicity (TD)");
            }
            Optional<Instant> opens = QuietHours.PUBLICITY.notBefore(now);
            if (opens.isPresent()) {
                return new SendPermission.NotBefore(opens.get());
            }
        }
        return mayWeSendThrough(to.account(), to, now);
    }

    /** What every SMS to a number must pass on the way to a gateway: the link, then the daily cap. */
    SendPermission mayWeSendThrough(String gatewayName, ChannelIdentity to, Instant now) {
        Optional<Instant> ready = gateways.gateway(gatewayName).flatMap(gateway -> gateway.notReadyUntil(now));
        if (ready.isPresent()) {
            // the link to the SMSC is down: the part waits for the reconnect instead of failing
            return new SendPermission.NotBefore(ready.get());
        }
        if (!caps.take(to, now)) {
            return new SendPermission.Refused("not delivered: the daily cap of " + dailyCap + " messages to this number is reached");
        }
        return SendPermission.allowed();
    }

    @Override
    public Optional<ReplyDeliveries.SendAllowance> allowance(ChannelIdentity to, Instant now) {
        return Optional.of(allowanceOf(to, now));
    }

    /** The day's cap per number: SMS has no window, only the count left today. */
    ReplyDeliveries.SendAllowance allowanceOf(ChannelIdentity to, Instant now) {
        int left = caps.left(to, now);
        return new ReplyDeliveries.SendAllowance(left > 0, Optional.of(left), Optional.empty());
    }

    @Override
    public PlatformAnswer send(OutboundPart part) {
        String text = part.purpose() == Purpose.PUBLICITY ? part.text() + UNSUBSCRIBE_HINT : part.text();
        return sendThrough(part.to().account(), part, text);
    }

    PlatformAnswer sendThrough(String gatewayName, OutboundPart part, String text) {
        return gateways.gateway(gatewayName)
                .map(gateway -> gateway.send(part.to().citizenId(), text, Long.toString(part.id())))
                .orElseGet(() -> new PlatformAnswer.Failed("SMS gateway " + gatewayName + " is not configured"));
    }

    List<String> splitThrough(String gatewayName, String text) {
        return gateways.gateway(gatewayName).map(gateway -> gateway.split(text)).orElseGet(() -> split(text));
    }
}
