package org.lawline.channels.weibo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How Weibo signs a push and the URL verification: SHA-1 over the app secret, the timestamp and
 * the nonce, sorted as strings and joined, in lower-case hex. The app secret itself signs; the
 * fans-service platform has no separate token.
 */
final class PushSignature {

    private PushSignature() {
    }

    static String of(String appSecret, String timestamp, String nonce) {
        String joined = Stream.of(appSecret, timestamp, nonce).sorted().collect(Collectors.joining());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(joined.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-1 is in every JDK", impossible);
        }
    }

    /**
     * Whether {@code claimed} signs these values. {@link MessageDigest#isEqual} takes the same
     * time however much of a forged signature is right, so timing teaches a forger nothing.
     */
    static boolean verifies(String claimed, String appSecret, String timestamp, String nonce) {
        if (claimed == null || timestamp == null || nonce == null) {
            return false;
        }
        byte[] expected = of(appSecret, timestamp, nonce).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, claimed.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
