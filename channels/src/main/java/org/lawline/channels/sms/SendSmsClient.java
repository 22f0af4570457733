package org.lawline.channels.sms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Aliyun's {@code SendSms} (API version 2017-05-25) for one gateway, over plain HTTP: a form POST
 * to the API's root, signed with {@link AliyunSignature}. One number a call: each part of a reply
 * is a call of its own, whose BizId a delivery receipt names later. Thread safe.
 */
class SendSmsClient {

    /** What the gateway made of one call. */
    sealed interface Result {
        /** Taken: {@code bizId} is what its delivery receipt will name. */
        record Accepted(String bizId) implements Result {
        }

        /** Answered with an error code ({@code Code} other than {@code OK}). */
        record Rejected(String code, String message) implements Result {
        }

        /** No answer we could read: the network, a timeout, a page that is not the API's. */
        record Unreachable(String reason) implements Result {
        }
    }

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final SmsSettings.Gateway gateway;
    private final HttpClient http;
    private final JsonMapper json;
    private final Clock clock;

    SendSmsClient(SmsSettings.Gateway gateway, HttpClient http, JsonMapper json, Clock clock) {
        this.gateway = gateway;
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Sends one message by the given template.
     *
     * @param templateParam the template's variables, as the JSON object the API takes
     * @param outId         our id of what is sent, which the receipt repeats
     */
    Result send(String phoneNumber, String templateCode, String templateParam, String outId) {
        SortedMap<String, String> parameters = new TreeMap<>();
        parameters.put("AccessKeyId", gateway.accessKeyId());
        parameters.put("Action", "SendSms");
        parameters.put("Format", "JSON");
        parameters.put("OutId", outId);
        parameters.put("PhoneNumbers", phoneNumber);
        parameters.put("RegionId", "cn-hangzhou");
        parameters.put("SignName", gateway.signName());
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("SignatureNonce", UUID.randomUUID().toString());
        parameters.put("SignatureVersion", "1.0");
        parameters.put("TemplateCode", templateCode);
        parameters.put("TemplateParam", templateParam);
        parameters.put("Timestamp", TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        parameters.put("Version", "2017-05-25");
        String body = AliyunSignature.canonicalQuery(parameters)
                + "&Signature=" + AliyunSignature.percentEncode(AliyunSignature.sign("POST", parameters, gateway.accessKeySecret()));
        HttpRequest request = HttpRequest.newBuilder(root())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result.Unreachable("SMS gateway unreachable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.Unreachable("interrupted while calling the SMS gateway");
        }
        return read(response);
    }

    /** Errors come as JSON too, with HTTP 200 (business) or 4xx (signature, throttling). */
    private Result read(HttpResponse<String> response) {
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (JacksonException e) {
            return new Result.Unreachable("SMS gateway answered HTTP " + response.statusCode() + " without JSON");
        }
        String code = answer.path("Code").asString("");
        if ("OK".equals(code) && !answer.path("BizId").asString("").isEmpty()) {
            return new Result.Accepted(answer.path("BizId").asString());
        }
        if (code.isEmpty()) {
            return new Result.Unreachable("SMS gateway answered HTTP " + response.statusCode() + " without a Code");
        }
        return new Result.Rejected(code, answer.path("Message").asString(""));
    }

    private URI root() {
        String base = gateway.apiBaseUrl().toString();
        return URI.create(base.endsWith("/") ? base : base + "/");
    }
}
