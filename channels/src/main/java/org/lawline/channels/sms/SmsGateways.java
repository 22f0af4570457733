package org.lawline.channels.sms;

import java.net.http.HttpClient;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/** The gateways that are on (an access key id is set), by name, each with its client and pace. */
final class SmsGateways {

    /** One gateway that is on. */
    record Served(String name, SmsSettings.Gateway settings, SendSmsClient client, SendRate rate) {

        /** The push URLs' token, compared in constant time: a timing difference must not spell it out. */
        boolean acceptsToken(String token) {
            return token != null && MessageDigest.isEqual(
                    settings.pushToken().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Map<String, Served> served = new TreeMap<>();

    SmsGateways(SmsSettings settings, JsonMapper json, Clock clock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        settings.gateways().forEach((name, gateway) -> {
            if (gateway.enabled()) {
                served.put(name, new Served(name, gateway, new SendSmsClient(gateway, http, json, clock),
                        new SendRate(gateway.sendsPerSecond())));
            }
        });
    }

    Optional<Served> find(String name) {
        return Optional.ofNullable(served.get(name));
    }

    Set<String> names() {
        return served.keySet();
    }

    boolean isEmpty() {
        return served.isEmpty();
    }
}
