package org.lawline.channels.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.lawline.channels.delivery.ChannelPlatform;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS's rules for the shared outbox: parts as the carriers count them (70 characters alone, 67 a
 * part), a daily cap per number, publicity only 08:00–21:00, never to a number that sent TD, and
 * always with the unsubscribe hint. Each part is one {@code SendSms} call by the reply template;
 * a call the gateway answers with "too fast" waits and is made again, a few times, rather than
 * dropped.
 */
class SmsPlatform implements ChannelPlatform {

    /** What publicity ends with, as the rules for publicity texts ask. */
    static final String UNSUBSCRIBE_HINT = "回TD退订";

    /** Aliyun's codes for "this number has had enough today / this hour": the citizen's cap, not our fault. */
    private static final Set<String> NUMBER_CAPPED = Set.of("isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL");
    /** Aliyun's codes for "this account calls too fast": wait and call again. */
    private static final Set<String> THROTTLED = Set.of("Throttling.User", "Throttling.Api", "Throttling");
    /** Calls made for one part when the gateway keeps saying it is too fast. */
    private static final int TRIES = 3;

    private final SmsGateways gateways;
    private final DailyCaps caps;
    private final int dailyCap;
    private final Subscribers subscribers;
    private final JsonMapper json;
    private final Executor workers;
    private final Duration throttleWait;

    SmsPlatform(SmsGateways gateways, DailyCaps caps, int dailyCap, Subscribers subscribers, JsonMapper json, Executor workers,
                Duration throttleWait) {
        this.gateways = gateways;
        this.caps = caps;
        this.dailyCap = dailyCap;
        this.subscribers = subscribers;
        this.json = json;
        this.workers = workers;
        this.throttleWait = throttleWait;
    }

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
        if (!caps.take(to, now)) {
            return new SendPermission.Refused("not delivered: the daily cap of " + dailyCap + " messages to this number is reached");
        }
        return SendPermission.allowed();
    }

    @Override
    public PlatformAnswer send(OutboundPart part) {
        Optional<SmsGateways.Served> gateway = gateways.find(part.to().account());
        if (gateway.isEmpty()) {
            return new PlatformAnswer.Failed("SMS gateway " + part.to().account() + " is not configured");
        }
        String text = part.purpose() == Purpose.PUBLICITY ? part.text() + UNSUBSCRIBE_HINT : part.text();
        String templateParam = json.writeValueAsString(Map.of(gateway.get().settings().templateParam(), text));
        Duration wait = throttleWait;
        SendSmsClient.Result result = null;
        try {
            for (int tries = 1; tries <= TRIES; tries++) {
                gateway.get().rate().acquire();
                result = gateway.get().client().send(part.to().citizenId(), gateway.get().settings().templateReply(), templateParam,
                        Long.toString(part.id()));
                if (!(result instanceof SendSmsClient.Result.Rejected rejected && THROTTLED.contains(rejected.code())) || tries == TRIES) {
                    break;
                }
                Thread.sleep(wait.toMillis());
                wait = wait.multipliedBy(2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PlatformAnswer.Failed("interrupted before the SMS gateway answered");
        }
        return answer(result);
    }

    private static PlatformAnswer answer(SendSmsClient.Result result) {
        if (result instanceof SendSmsClient.Result.Accepted accepted) {
            return new PlatformAnswer.Accepted(Optional.of(accepted.bizId()));
        }
        if (result instanceof SendSmsClient.Result.Rejected rejected) {
            if (NUMBER_CAPPED.contains(rejected.code())) {
                return new PlatformAnswer.Refused("not delivered: the gateway's cap for this number is reached (" + rejected.code() + ")");
            }
            if (THROTTLED.contains(rejected.code())) {
                return new PlatformAnswer.Failed("the SMS gateway kept refusing: sending too fast (" + rejected.code() + ")");
            }
            return new PlatformAnswer.Failed("SMS gateway code " + rejected.code());
        }
        return new PlatformAnswer.Failed(((SendSmsClient.Result.Unreachable) result).reason());
    }
}
