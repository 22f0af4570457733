package org.lawline.channels.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Web citizens' identities, issued by the server. A session is a random citizen id (128 bits) and
 * a token {@code <citizenId>.<HMAC-SHA256 of the id under the session key>}: any instance that
 * shares the key checks it without a lookup, and it survives a restart. Carrying the id in the
 * token tells a forged token (401) from another citizen's (403). Thread-safe.
 */
class WebSessions {

    /** A new web citizen and the bearer token that proves it. */
    record Session(String citizenId, String token) {
        @Override
        public String toString() {
            return "Session[citizenId=" + citizenId + "]";
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BEARER = "Bearer ";
    private static final String PURPOSE = "lawline-web-session\n";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final SessionKey key;

    WebSessions(SessionKey key) {
        this.key = key;
    }

    Session open() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String citizenId = "w" + URL.encodeToString(id);
        return new Session(citizenId, citizenId + "." + URL.encodeToString(mac(citizenId)));
    }

    /**
     * The citizen id the request's {@code Authorization: Bearer} header proves.
     *
     * @throws NotSignedIn when the header is missing, malformed or not signed by our key
     */
    String citizenOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new NotSignedIn();
        }
        String token = authorization.substring(BEARER.length()).strip();
        int dot = token.lastIndexOf('.');
        if (dot <= 0 || token.length() > 200) {
            throw new NotSignedIn();
        }
        String citizenId = token.substring(0, dot);
        byte[] presented = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = URL.encode(mac(citizenId));
        if (!WebMessageRequest.ID.matcher(citizenId).matches() || !MessageDigest.isEqual(presented, expected)) {
            throw new NotSignedIn();
        }
        return citizenId;
    }

    /**
     * Checks that the citizen id a token proved is the one a request names.
     *
     * @throws NotYourCitizenId  a valid token, for another citizen
     */
    static void requireSame(String proven, String citizenId) {
        if (!MessageDigest.isEqual(proven.getBytes(StandardCharsets.UTF_8), citizenId.getBytes(StandardCharsets.UTF_8))) {
            throw new NotYourCitizenId();
        }
    }

    private byte[] mac(String citizenId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
            return mac.doFinal((PURPOSE + citizenId).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** No token, or one we did not sign: 401. */
    static final class NotSignedIn extends RuntimeException {
        NotSignedIn() {
            super("请先建立会话：缺少或无效的访问令牌", null, false, false);
        }
    }

    /** A token of ours, for another citizen id: 403. */
    static final class NotYourCitizenId extends RuntimeException {
        NotYourCitizenId() {
            super("访问令牌与 citizenId 不符", null, false, false);
        }
    }
}
