package org.lawline.channels.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * WeChat's request signatures: SHA-1 over the sorted, concatenated token, timestamp, nonce (and,
 * in safe mode, the ciphertext), as lower-case hex.
 */
final class Signatures {

    private Signatures() {
    }

    static String sign(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            for (String part : sorted) {
                sha1.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-1", e);
        }
    }

    /**
     * Whether {@code claimed} is the signature of the parts. Constant time in the signature's
     * content, so that timing tells a forger nothing about how much of a guess was right.
     */
    static boolean matches(String claimed, String... parts) {
        if (claimed == null || claimed.isEmpty()) {
            return false;
        }
        for (String part : parts) {
            if (part == null) {
                return false;
            }
        }
        return MessageDigest.isEqual(sign(parts).getBytes(StandardCharsets.US_ASCII),
                claimed.getBytes(StandardCharsets.US_ASCII));
    }
}
