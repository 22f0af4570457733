package org.lawline.channels.hotline;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hotline system's signature on a call: hex HMAC-SHA256, under the shared secret, of the
 * timestamp (seconds), a newline and the raw body; accepted only within the window around our
 * clock, and compared in constant time. Thread safe.
 */
final class CallSignature {

    private final byte[] secret;
    private final Duration window;

    CallSignature(String secret, Duration window) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.window = window;
    }

    boolean verifies(String timestamp, String signature, byte[] body, Instant now) {
        if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(signedAt, now).abs().compareTo(window) > 0) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(sign(timestamp, body)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    byte[] sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + "\n").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
