package org.lawline.channels.weibo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.lawline.channels.delivery.PlatformAnswer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Weibo's active reply API, {@code POST /2/messages/reply.json}: a form with the access token,
 * the receiver's uid, {@code type=text} and the message as JSON in {@code data}. Weibo answers the
 * message it stored, or {@code {"error": …, "error_code": …, "request": …}}. The access token of
 * the fans-service platform is set by hand on its developer page; an expired one (21327) or an
 * invalid one (21332) fails every call until it is replaced, and there is nothing to refresh.
 * Thread safe.
 */
final class ReplyApi {

    static final String PATH = "/2/messages/reply.json";

    /** Weibo: the access token expired. */
    static final int EXPIRED_TOKEN = 21327;
    /** Weibo: the access token is not one. */
    static final int INVALID_TOKEN = 21332;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final Duration timeout;
    private final Set<Integer> refusals;

    /** @param refusals error codes that mean "not to this follower now"; the rest are failures */
    ReplyApi(Duration timeout, Set<Integer> refusals) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.refusals = Set.copyOf(refusals);
    }

    PlatformAnswer sendText(WeiboSettings.Account account, String followerUid, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        // in the form, not the URL: a URL with the token ends up in proxies' and stubs' logs
        form.put("access_token", account.accessToken());
        form.put("receiver_id", followerUid);
        form.put("type", "text");
        form.put("data", ReplyJson.textData(text));
        form.put("save_sender_box", "1");
        HttpRequest request = HttpRequest.newBuilder(URI.create(account.apiBaseUrl() + PATH))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new PlatformAnswer.Failed("Weibo unreachable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PlatformAnswer.Failed("interrupted while calling Weibo");
        }
        return answerOf(response.statusCode(), response.body());
    }

    private PlatformAnswer answerOf(int status, String body) {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (JacksonException e) {
            return new PlatformAnswer.Failed("Weibo answered HTTP " + status + " without JSON");
        }
        JsonNode code = answer == null ? null : answer.get("error_code");
        if (code != null && !code.isNull()) {
            int errorCode = code.asInt(0);
            String error = answer.path("error").asString("");
            if (refusals.contains(errorCode)) {
                return new PlatformAnswer.Refused(WeiboPlatform.FOLLOWER_MUST_WRITE + " (Weibo error_code " + errorCode + ")");
            }
            if (errorCode == EXPIRED_TOKEN || errorCode == INVALID_TOKEN) {
                return new PlatformAnswer.Failed("Weibo error_code " + errorCode + " " + error
                        + ": the access token must be renewed (LAWLINE_WEIBO_ACCESS_TOKEN)");
            }
            return new PlatformAnswer.Failed("Weibo error_code " + errorCode + " " + error);
        }
        if (status / 100 != 2) {
            return new PlatformAnswer.Failed("Weibo answered HTTP " + status);
        }
        Optional<String> id = Optional.ofNullable(answer == null ? null : answer.get("id"))
                .filter(node -> node.isNumber() || node.isString())
                .map(JsonNode::asString);
        return new PlatformAnswer.Accepted(id);
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
