package org.lawline.channels.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartnerSignaturesTest {

    static final String KEY = "partner-key-of-the-citys-own-app-0123456789";
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final String TIMESTAMP = Long.toString(NOW.getEpochSecond());
    private static final byte[] BODY = "{\"citizenId\":\"app-12345\",\"text\":\"你好\"}".getBytes(StandardCharsets.UTF_8);

    private final PartnerSignatures partners = new PartnerSignatures(Map.of("app", KEY), Clock.fixed(NOW, ZoneOffset.UTC));

    /** What the partner computes, written out here rather than taken from the class under test. */
    static String signature(String key, String citizenId, String timestamp, byte[] body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((citizenId + "\n" + timestamp + "\n").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void aSignedRequestSpeaksForItsCitizen() throws Exception {
        assertThat(partners.citizenOf("app", "app-12345", TIMESTAMP, signature(KEY, "app-12345", TIMESTAMP, BODY), BODY))
                .hasValue("app-12345");
    }

    @Test
    void aChangedBodyCitizenOrKeyIsRefused() throws Exception {
        String signed = signature(KEY, "app-12345", TIMESTAMP, BODY);
        byte[] changed = "{\"citizenId\":\"app-12345\",\"text\":\"你坏\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(partners.citizenOf("app", "app-12345", TIMESTAMP, signed, changed)).isEmpty();
        assertThat(partners.citizenOf("app", "app-54321", TIMESTAMP, signed, BODY)).isEmpty();
        assertThat(partners.citizenOf("app", "app-12345", TIMESTAMP,
                signature(KEY + "x", "app-12345", TIMESTAMP, BODY), BODY)).isEmpty();
        assertThat(partners.citizenOf("app", "app-12345", TIMESTAMP, null, BODY)).isEmpty();
    }

    @Test
    void aTimestampMoreThanFiveMinutesOffIsRefused() throws Exception {
        for (long offset : new long[] {-301, 301}) {
            String timestamp = Long.toString(NOW.getEpochSecond() + offset);
            assertThat(partners.citizenOf("app", "app-12345", timestamp, signature(KEY, "app-12345", timestamp, BODY), BODY)).isEmpty();
        }
        String close = Long.toString(NOW.getEpochSecond() - 299);
        assertThat(partners.citizenOf("app", "app-12345", close, signature(KEY, "app-12345", close, BODY), BODY)).isPresent();
    }

    @Test
    void aPartnerCannotSpeakForAWebCitizenOrAnUnknownPartner() throws Exception {
        assertThat(partners.citizenOf("app", "wAbCdEf", TIMESTAMP, signature(KEY, "wAbCdEf", TIMESTAMP, BODY), BODY)).isEmpty();
        assertThat(partners.citizenOf("other", "other-1", TIMESTAMP, signature(KEY, "other-1", TIMESTAMP, BODY), BODY)).isEmpty();
    }
}
