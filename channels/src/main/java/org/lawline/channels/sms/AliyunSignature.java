package org.lawline.channels.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Aliyun's RPC signature, version 1.0 ("V2", HMAC-SHA1), as its SMS API documents it: the
 * parameters but {@code Signature}, sorted by name and percent-encoded (RFC 3986: space as
 * {@code %20}, {@code *} as {@code %2A}, {@code ~} kept), joined into the canonical query; the
 * string to sign is {@code METHOD&%2F&} and the encoded canonical query; the signature is
 * Base64(HMAC-SHA1(secret + "&", it)). Stateless and thread safe.
 */
final class AliyunSignature {

    private AliyunSignature() {
    }

    /** The canonical query of these parameters: sorted, encoded, joined with {@code &}. */
    static String canonicalQuery(SortedMap<String, String> parameters) {
        StringJoiner query = new StringJoiner("&");
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            query.add(percentEncode(parameter.getKey()) + "=" + percentEncode(parameter.getValue()));
        }
        return query.toString();
    }

    /** The signature of a call with these parameters ({@code Signature} itself not among them). */
    static String sign(String httpMethod, SortedMap<String, String> parameters, String accessKeySecret) {
        String stringToSign = httpMethod + "&" + percentEncode("/") + "&" + percentEncode(canonicalQuery(parameters));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }

    /** RFC 3986 percent-encoding of UTF-8: only A-Z a-z 0-9 - _ . ~ stay as they are. */
    static String percentEncode(String value) {
        StringBuilder encoded = new StringBuilder(value.length() * 3);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
