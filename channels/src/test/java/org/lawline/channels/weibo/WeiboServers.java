package org.lawline.channels.weibo;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Calls our webhook the way Weibo's servers do: signature = hex(SHA-1(app secret, timestamp and
 * nonce, sorted and joined)), timestamp in milliseconds, the push as JSON. Computed here from
 * Weibo's documentation, not by the code under test.
 */
final class WeiboServers {

    static final DateTimeFormatter WEIBO_DATE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.ofHours(8));

    private final HttpClient http = HttpClient.newHttpClient();
    private final String webhook;
    private final String appSecret;

    WeiboServers(int port, String account, String appSecret) {
        this.webhook = "http://127.0.0.1:" + port + "/weibo/" + account;
        this.appSecret = appSecret;
    }

    static String signedQuery(String secret, long timestamp) throws Exception {
        String nonce = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String[] parts = {secret, Long.toString(timestamp), nonce};
        Arrays.sort(parts);
        byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
        return "signature=" + HexFormat.of().formatHex(digest) + "&timestamp=" + timestamp + "&nonce=" + URLEncoder.encode(nonce, StandardCharsets.UTF_8);
    }

    /** A push signed now, in milliseconds, as Weibo signs. */
    HttpResponse<String> push(String json) throws Exception {
        return push(signedQuery(appSecret, System.currentTimeMillis()), json);
    }

    HttpResponse<String> push(String query, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(webhook + "?" + query))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    HttpResponse<String> verify(String query) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(webhook + "?" + query)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    String url(String query) {
        return webhook + "?" + query;
    }

    String signedNow() throws Exception {
        return signedQuery(appSecret, System.currentTimeMillis());
    }

    static String text(String follower, String receiver, Instant at, String text) {
        return "{\"type\":\"text\",\"receiver_id\":" + receiver + ",\"sender_id\":" + follower + ",\"created_at\":\""
                + WEIBO_DATE.format(at) + "\",\"text\":\"" + text + "\",\"data\":{}}";
    }

    static String event(String follower, String receiver, Instant at, String subtype, String key) {
        return "{\"type\":\"event\",\"receiver_id\":" + receiver + ",\"sender_id\":" + follower + ",\"created_at\":\""
                + WEIBO_DATE.format(at) + "\",\"text\":\"\",\"data\":{\"subtype\":\"" + subtype + "\",\"key\":\"" + key + "\"}}";
    }

    static String position(String follower, String receiver, Instant at, double longitude, double latitude) {
        return "{\"type\":\"position\",\"receiver_id\":" + receiver + ",\"sender_id\":" + follower + ",\"created_at\":\""
                + WEIBO_DATE.format(at) + "\",\"text\":\"我在这里\",\"data\":{\"longitude\":\"" + longitude + "\",\"latitude\":\"" + latitude + "\"}}";
    }

    static String of(String type, String follower, String receiver, Instant at, String text, String data) {
        return "{\"type\":\"" + type + "\",\"receiver_id\":" + receiver + ",\"sender_id\":" + follower + ",\"created_at\":\""
                + WEIBO_DATE.format(at) + "\",\"text\":\"" + text + "\",\"data\":" + data + "}";
    }
}
