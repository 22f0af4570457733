package org.lawline.channels.sms;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateways that are on, by name (a citizen's account): HTTP gateways modelled on Aliyun
 * (an access key id is set), whose pushes come to {@code /sms/NAME/…}, and SMPP gateways (a host
 * is set), which {@link #start} binds.
 */
final class SmsGateways implements AutoCloseable {

    /** An HTTP gateway that is on, with what its push URLs check. */
    record Served(String name, AliyunGateway gateway) {

        /** The push URLs' token, compared in constant time: a timing difference must not spell it out. */
        boolean acceptsToken(String token) {
            return token != null && MessageDigest.isEqual(
                    gateway.settings().pushToken().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Map<String, Served> served = new TreeMap<>();
    private final Map<String, SmppGateway> smsc = new TreeMap<>();

    SmsGateways(SmsSettings settings, JsonMapper json, Clock clock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        settings.gateways().forEach((name, gateway) -> {
            if (gateway.enabled()) {
                served.put(name, new Served(name, new AliyunGateway(name, gateway, new SendSmsClient(gateway, http, json, clock), json,
                        settings.throttleWait())));
            }
        });
        settings.smsc().forEach((name, link) -> {
            if (link.enabled()) {
                smsc.put(name, new SmppGateway(name, link, json, settings.throttleWait()));
            }
        });
    }

    /** Binds every SMPP gateway, in the background. */
    void start(SmppGateway.Receiver receiver) {
        smsc.values().forEach(gateway -> gateway.start(receiver));
    }

    /** An HTTP gateway, for its push URLs. */
    Optional<Served> find(String name) {
        return Optional.ofNullable(served.get(name));
    }

    /** Any gateway, for sending. */
    Optional<SmsGateway> gateway(String name) {
        return Optional.<SmsGateway>ofNullable(served.containsKey(name) ? served.get(name).gateway() : null)
                .or(() -> Optional.ofNullable(smsc.get(name)));
    }

    Set<String> names() {
        Set<String> names = new TreeSet<>(served.keySet());
        names.addAll(smsc.keySet());
        return names;
    }

    boolean isEmpty() {
        return served.isEmpty() && smsc.isEmpty();
    }

    @Override
    public void close() {
        smsc.values().forEach(SmppGateway::close);
    }
}
