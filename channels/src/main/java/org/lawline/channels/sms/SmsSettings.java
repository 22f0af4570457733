package org.lawline.channels.sms;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The SMS channel's settings ({@code lawline.sms}).
 *
 * @param gateways     by name, served at {@code /sms/NAME/…}; a gateway without an access key id is off
 * @param smsc         SMPP gateways by name (operators that bind to an SMSC); one without a host is off
 * @param workers      threads that answer pushed messages and send parts; a push never waits for them
 * @param maxPush      the largest push body read; the platform batches at most a few hundred items
 * @param dailyCap     messages to one number a day (China Standard Time), across every gateway:
 *                     Aliyun caps a number's notifications a day too, and a reply refused there
 *                     costs a call; ours refuses first and says why
 * @param keyPrefix    prefix of the channel's Redis keys (the daily counts)
 * @param throttleWait how long a send waits after the gateway said it is sending too fast, doubled
 *                     on each of the retries
 * @param hotlineGateway the gateway that answers the 12348 hotline's callers (their voicemails) by SMS
 */
@ConfigurationProperties("lawline.sms")
record SmsSettings(
        Map<String, Gateway> gateways,
        Map<String, Smsc> smsc,
        @DefaultValue("4") int workers,
        @DefaultValue("256KB") DataSize maxPush,
        @DefaultValue("40") int dailyCap,
        @DefaultValue("lawline:sms:") String keyPrefix,
        @DefaultValue("1s") Duration throttleWait,
        @DefaultValue("default") String hotlineGateway) {

    SmsSettings {
        gateways = gateways == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(gateways));
        smsc = smsc == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(smsc));
        for (String name : smsc.keySet()) {
            if (gateways.containsKey(name)) {
                throw new IllegalArgumentException("lawline.sms: " + name + " is both an HTTP gateway and an SMSC; a gateway's name is its citizens' account");
            }
            if (!name.matches("[a-z0-9-]{1,32}")) {
                throw new IllegalArgumentException("lawline.sms.smsc: a gateway's name is 1 to 32 of a-z, 0-9 and -, got " + name);
            }
        }
        Objects.requireNonNull(maxPush, "lawline.sms.max-push");
        Objects.requireNonNull(throttleWait, "lawline.sms.throttle-wait");
        if (workers < 1) {
            throw new IllegalArgumentException("lawline.sms.workers must be at least 1, got " + workers);
        }
        if (dailyCap < 1) {
            throw new IllegalArgumentException("lawline.sms.daily-cap must be at least 1, got " + dailyCap);
        }
        gateways.forEach((name, gateway) -> {
            if (!name.matches("[a-z0-9-]{1,32}")) {
                throw new IllegalArgumentException("lawline.sms.gateways: a gateway's name is 1 to 32 of a-z, 0-9 and -, got " + name);
            }
            if (gateway.enabled()) {
                gateway.validate(name);
            }
        });
    }

    /**
     * One gateway modelled on Aliyun SMS ({@code dysmsapi}).
     *
     * @param accessKeyId    the AccessKey ID; the gateway is off while it is blank
     * @param accessKeySecret signs every call (never printed)
     * @param signName       the approved signature shown as 【签名】
     * @param templateReply  the template chat replies go out as; its one variable holds the text
     * @param templateParam  the name of that variable
     * @param pushToken      the secret in the push URLs' {@code ?token=} (never printed)
     * @param apiBaseUrl     the send API; a stub in tests
     * @param sendsPerSecond this instance's pace towards the gateway (its QPS limit is per account)
     */
    record Gateway(
            String accessKeyId,
            String accessKeySecret,
            String signName,
            String templateReply,
            @DefaultValue("content") String templateParam,
            String pushToken,
            @DefaultValue("https://dysmsapi.aliyuncs.com") URI apiBaseUrl,
            @DefaultValue("20") int sendsPerSecond) {

        boolean enabled() {
            return accessKeyId != null && !accessKeyId.isBlank();
        }

        void validate(String name) {
            String prefix = "lawline.sms.gateways." + name + ".";
            require(accessKeySecret, prefix + "access-key-secret (LAWLINE_SMS_ACCESS_KEY_SECRET)");
            require(signName, prefix + "sign-name (LAWLINE_SMS_SIGN_NAME)");
            require(templateReply, prefix + "template-reply (LAWLINE_SMS_TEMPLATE_REPLY)");
            require(pushToken, prefix + "push-token (LAWLINE_SMS_PUSH_TOKEN)");
            require(templateParam, prefix + "template-param");
            if (pushToken.length() < 16) {
                throw new IllegalArgumentException(prefix + "push-token must be at least 16 characters: it is all that guards the push URLs");
            }
            if (sendsPerSecond < 1) {
                throw new IllegalArgumentException(prefix + "sends-per-second must be at least 1, got " + sendsPerSecond);
            }
        }

        private static void require(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " is required when the gateway's access key id is set");
            }
        }

        @Override
        public String toString() {
            return "Gateway[accessKeyId=" + accessKeyId + ", signName=" + signName + ", templateReply=" + templateReply
                    + ", apiBaseUrl=" + apiBaseUrl + ", sendsPerSecond=" + sendsPerSecond + ", secrets=****]";
        }
    }

    /**
     * A gateway that binds to an operator's SMSC over SMPP 3.4 as a transceiver.
     *
     * @param host             the SMSC; the gateway is off while it is blank
     * @param systemId         the bind's system_id
     * @param password         the bind's password (never printed)
     * @param sourceAddress    the service number replies come from (e.g. 12348)
     * @param enquireLink      how often the link is checked when idle; SMSCs drop a silent link after a minute or so
     * @param responseTimeout  how long a submit_sm waits for its response
     * @param reconnectMin     the first wait after the link is lost or a bind fails, doubled on each failure
     * @param reconnectMax     the longest wait between binds
     */
    record Smsc(
            String host,
            @DefaultValue("2775") int port,
            String systemId,
            String password,
            @DefaultValue("") String systemType,
            String sourceAddress,
            @DefaultValue("30s") Duration enquireLink,
            @DefaultValue("10s") Duration responseTimeout,
            @DefaultValue("1s") Duration reconnectMin,
            @DefaultValue("60s") Duration reconnectMax) {

        boolean enabled() {
            return host != null && !host.isBlank();
        }

        @Override
        public String toString() {
            return "Smsc[host=" + host + ", port=" + port + ", systemId=" + systemId + ", sourceAddress=" + sourceAddress + ", password=****]";
        }
    }
}
