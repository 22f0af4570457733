package org.lawline.channels.sms;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lawline.channels.delivery.PlatformAnswer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A gateway modelled on Aliyun SMS: each carrier part is one {@code SendSms} call by the reply
 * template, paced to the gateway's rate; a call answered "too fast" waits and is made again, a
 * few times, rather than dropped; the gateway's own cap for a number is the citizen's, not a
 * failure of ours.
 */
final class AliyunGateway implements SmsGateway {

    /** Aliyun's codes for "this number has had enough today / this hour". */
    private static final Set<String> NUMBER_CAPPED = Set.of("isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL");
    /** Aliyun's codes for "this account calls too fast": wait and call again. */
    private static final Set<String> THROTTLED = Set.of("Throttling.User", "Throttling.Api", "Throttling");
    /** Calls made for one part while the gateway keeps saying it is too fast. */
    private static final int TRIES = 3;

    private final String name;
    private final SmsSettings.Gateway settings;
    private final SendSmsClient client;
    private final SendRate rate;
    private final JsonMapper json;
    private final Duration throttleWait;

    AliyunGateway(String name, SmsSettings.Gateway settings, SendSmsClient client, JsonMapper json, Duration throttleWait) {
        this.name = name;
        this.settings = settings;
        this.client = client;
        this.rate = new SendRate(settings.sendsPerSecond());
        this.json = json;
        this.throttleWait = throttleWait;
    }

    @Override
    public String name() {
        return name;
    }

    SmsSettings.Gateway settings() {
        return settings;
    }

    @Override
    public List<String> split(String text) {
        return CarrierParts.split(text);
    }

    @Override
    public PlatformAnswer send(String phoneNumber, String text, String outId) {
        String templateParam = json.writeValueAsString(Map.of(settings.templateParam(), text));
        Duration wait = throttleWait;
        SendSmsClient.Result result = null;
        try {
            for (int tries = 1; tries <= TRIES; tries++) {
                rate.acquire();
                result = client.send(phoneNumber, settings.templateReply(), templateParam, outId);
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
