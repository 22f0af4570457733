package org.lawline.channels.weibo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WireMock in Weibo's place, one per test JVM, answering {@code POST /2/messages/reply.json} as the
 * fans-service documentation describes: the stored message for a form with a valid access token,
 * {@code {"error", "error_code", "request"}} with an HTTP error status otherwise.
 */
final class WeiboStub {

    static final String REPLY = "/2/messages/reply.json";
    static final String ACCESS_TOKEN = "2.00weibo-test-token";
    static final WireMockServer SERVER = start();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WeiboStub() {
    }

    static String baseUrl() {
        return "http://127.0.0.1:" + SERVER.port();
    }

    /** Every reply with our token taken; any other token is expired (21327). */
    static void reset() {
        SERVER.resetAll();
        SERVER.stubFor(post(urlPathEqualTo(REPLY)).willReturn(weiboError(403, 21327, "expired_token")));
        SERVER.stubFor(post(urlPathEqualTo(REPLY))
                .withFormParam("access_token", com.github.tomakehurst.wiremock.client.WireMock.equalTo(ACCESS_TOKEN))
                .withFormParam("type", com.github.tomakehurst.wiremock.client.WireMock.equalTo("text"))
                .willReturn(okJson("{\"id\":4182746302817315,\"idstr\":\"4182746302817315\",\"created_at\":\"Fri Dec 04 22:00:00 +0800 2026\","
                        + "\"text\":\"ok\",\"sender_id\":5890124467,\"recipient_id\":1}")));
    }

    /** Weibo refuses every reply with this code, as it does outside a follower's window. */
    static void refuseWith(int status, int errorCode, String error) {
        SERVER.resetAll();
        SERVER.stubFor(post(urlPathEqualTo(REPLY)).willReturn(weiboError(status, errorCode, error)));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder weiboError(int status, int errorCode, String error) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"error\":\"" + error + "\",\"error_code\":" + errorCode + ",\"request\":\"" + REPLY + "\"}");
    }

    /** The replies sent to one follower, in order. */
    static List<LoggedRequest> repliesTo(String uid) {
        return SERVER.findAll(postRequestedFor(urlPathEqualTo(REPLY))).stream()
                .filter(request -> uid.equals(form(request, "receiver_id")))
                .toList();
    }

    /** The text of a reply: the {@code data} field's JSON. */
    static String textOf(LoggedRequest request) {
        JsonNode data = JSON.readTree(form(request, "data"));
        return data.get("text").asString();
    }

    static String form(LoggedRequest request, String name) {
        for (String pair : request.getBodyAsString().split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }
}
