package org.lawline.channels.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Requests a partner app (the city's own app) signs server to server instead of holding a browser
 * session: {@code X-LawLine-Partner}, {@code X-LawLine-Citizen}, {@code X-LawLine-Timestamp} and
 * {@code X-LawLine-Signature = hex(HMAC-SHA256(key, citizenId + "\n" + timestamp + "\n" + body))}.
 * The citizen id must start with the partner's name and a hyphen, so a partner can never speak
 * for a web citizen or another partner's users. Thread-safe.
 */
final class PartnerSignatures {

    static final String PARTNER = "X-LawLine-Partner";
    static final String CITIZEN = "X-LawLine-Citizen";
    static final String TIMESTAMP = "X-LawLine-Timestamp";
    static final String SIGNATURE = "X-LawLine-Signature";

    /** How far a request's timestamp may be from our clock: limits the replay of a captured request. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final Map<String, byte[]> keys;
    private final Clock clock;

    PartnerSignatures(Map<String, String> keysByPartner, Clock clock) {
        this.keys = keysByPartner.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey,
                        e -> e.getValue().strip().getBytes(StandardCharsets.UTF_8)));
        this.clock = clock;
    }

    /**
     * The citizen id a partner's signed request speaks for; empty when the signature, the
     * timestamp, the partner or the id is wrong.
     */
    Optional<String> citizenOf(String partner, String citizenId, String timestamp, String signature, byte[] body) {
        if (partner == null || citizenId == null || timestamp == null || signature == null) {
            return Optional.empty();
        }
        byte[] key = keys.get(partner);
        if (key == null || !citizenId.startsWith(partner + "-") || !WebMessageRequest.ID.matcher(citizenId).matches()) {
            return Optional.empty();
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return Optional.empty();
        }
        byte[] expected = HexFormat.of().formatHex(sign(key, citizenId, timestamp, body)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(citizenId) : Optional.empty();
    }

    static byte[] sign(byte[] key, String citizenId, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((citizenId + "\n" + timestamp + "\n").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
