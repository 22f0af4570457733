package org.lawline.channels.sms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.lawline.channels.delivery.ChannelPlatform;
import org.lawline.channels.delivery.DailyCaps;
import org.lawline.channels.delivery.OutboundPart;
import org.lawline.channels.delivery.PartLimit;
import org.lawline.channels.delivery.PlatformAnswer;
import org.lawline.channels.delivery.Purpose;
import org.lawline.channels.delivery.SendPermission;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;

/**
 * The hotline channel's platform: a caller who left a voicemail has only a phone number, so the
 * duty lawyer's reply goes there by SMS, through one configured gateway, under the same daily
 * cap per number as every other SMS.
 */
class HotlineCallers implements ChannelPlatform {

    private final SmsGateways gateways;
    private final String gatewayName;
    private final DailyCaps caps;
    private final int dailyCap;
    private final Executor workers;

    HotlineCallers(SmsGateways gateways, String gatewayName, DailyCaps caps, int dailyCap, Executor workers) {
        this.gateways = gateways;
        this.gatewayName = gatewayName;
        this.caps = caps;
        this.dailyCap = dailyCap;
        this.workers = workers;
    }

    @Override
    public Channel channel() {
        return Channel.HOTLINE;
    }

    @Override
    public PartLimit partLimit() {
        return PartLimit.characters(CarrierParts.PART);
    }

    @Override
    public List<String> split(String text) {
        return gateways.gateway(gatewayName).map(gateway -> gateway.split(text)).orElseGet(() -> CarrierParts.split(text));
    }

    @Override
    public Executor dispatcher() {
        return workers;
    }

    @Override
    public SendPermission mayWeSend(ChannelIdentity to, Purpose purpose, Instant now) {
        Optional<Instant> ready = gateways.gateway(gatewayName).flatMap(gateway -> gateway.notReadyUntil(now));
        if (ready.isPresent()) {
            return new SendPermission.NotBefore(ready.get());
        }
        return caps.take(to, now)
                ? SendPermission.allowed()
                : new SendPermission.Refused("not delivered: the daily cap of " + dailyCap + " messages to this number is reached");
    }

    @Override
    public PlatformAnswer send(OutboundPart part) {
        return gateways.gateway(gatewayName)
                .map(gateway -> gateway.send(part.to().citizenId(), part.text(), Long.toString(part.id())))
                .orElseGet(() -> new PlatformAnswer.Failed("no SMS gateway " + gatewayName + " answers the hotline's callers"));
    }
}
