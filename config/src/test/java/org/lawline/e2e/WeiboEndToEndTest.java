package org.lawline.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.net.URI;
import java.net.URLDecoder;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.Conversations;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.Reply;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.EventId;
import org.lawline.conversation.ReplyComposed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application with the Weibo account {@code default} configured as the README's
 * environment variables configure it, Weibo's reply.json played by WireMock: a follower asks a
 * question and gets the knowledge base's answer passively; a follower asks for a person, a duty
 * lawyer takes the chat and replies, and both messages leave through reply.json; a chat nobody
 * picks up asks the follower for a phone number the same way. Pushes are signed here as Weibo's
 * documentation describes (SHA-1 of the sorted app secret, millisecond timestamp and nonce).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WeiboEndToEndTest {

    private static final String APP_SECRET = "e2e-weibo-secret";
    private static final String ACCESS_TOKEN = "2.00e2e-weibo-token";
    private static final String ACCOUNT_UID = "5890124467";
    private static final String REPLY = "/2/messages/reply.json";
    private static final DateTimeFormatter WEIBO_DATE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.ofHours(8));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WireMockServer WEIBO = startWeibo();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired Conversations conversations;
    @Autowired ApplicationEventPublisher events;
    @Autowired JdbcClient jdbc;

    private String follower;

    @DynamicPropertySource
    static void weiboAccount(DynamicPropertyRegistry registry) {
        registry.add("lawline.weibo.accounts.default.app-key", () -> "3456789012");
        registry.add("lawline.weibo.accounts.default.app-secret", () -> APP_SECRET);
        registry.add("lawline.weibo.accounts.default.access-token", () -> ACCESS_TOKEN);
        registry.add("lawline.weibo.accounts.default.uid", () -> ACCOUNT_UID);
        registry.add("lawline.weibo.accounts.default.api-base-url", () -> "http://127.0.0.1:" + WEIBO.port());
    }

    @AfterAll
    static void stopWeibo() {
        WEIBO.stop();
    }

    /** The engine's first message in a fresh JVM loads its models; production pays that once a start. */
    @BeforeEach
    void warmUpTheEngine() {
        conversations.handle(new InboundMessage(new ChannelIdentity(Channel.WEIBO, "default", "1000000001"),
                UUID.randomUUID().toString(), "老板拖欠工资怎么办", Instant.now()));
        follower = Long.toString(2_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    @Test
    void urlVerificationSignedWithTheAppSecretEchoesTheEchostr() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(webhook(signedQuery(APP_SECRET)) + "&echostr=e2e42"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("e2e42");
    }

    @Test
    void unpaidWagesQuestionIsAnsweredPassivelyWithTheLawItRestsOn() throws Exception {
        HttpResponse<String> response = push(signedQuery(APP_SECRET), text("老板拖欠工资三个月不发怎么办"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode reply = JSON.readTree(response.body());
        assertThat(reply.get("receiver_id").asString()).isEqualTo(follower);
        assertThat(reply.get("sender_id").asString()).isEqualTo(ACCOUNT_UID);
        String answer = JSON.readTree(URLDecoder.decode(reply.get("data").asString(), StandardCharsets.UTF_8)).get("text").asString();
        assertThat(answer).contains("工资");
        assertThat(answer.codePointCount(0, answer.length())).isLessThan(300);
        // the rest of a longer answer follows through reply.json, each part under 300 characters too
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from outbound_part where channel = 'weibo' and citizen_id = :uid and state <> 'SENT'")
                .param("uid", follower).query(Integer.class).single() == 0);
        assertThat(repliesTo(follower)).allSatisfy(part -> assertThat(part.codePointCount(0, part.length())).isLessThan(300));
    }

    @Test
    void aFollowerWhoAsksForAPersonGetsTheDutyLawyersRepliesThroughReplyJson() throws Exception {
        ChannelIdentity citizen = new ChannelIdentity(Channel.WEIBO, "default", follower);

        HttpResponse<String> asked = push(signedQuery(APP_SECRET), text("转人工"));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(conversations.stateOf(citizen)).isEqualTo(DialogState.QUEUED);
        // events reach handoff through the event journal, a moment after the reply
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from escalation where channel = 'weibo' and citizen_id = :uid and status = 'WAITING'")
                .param("uid", follower).query(Integer.class).single() == 1);

        Optional<Reply> announced = conversations.lawyerClaimed(citizen, "lawyer-wang");
        assertThat(announced).isPresent();
        await().atMost(Duration.ofSeconds(15)).until(() -> repliesTo(follower).size() == 1);
        // the lawyer writes once the chat is theirs, as the inbox will publish it
        events.publishEvent(new ReplyComposed(EventId.next(), ConversationId.next(), citizen, Optional.empty(),
                new Reply.Handoff("王律师：您好，欠薪可以先向劳动保障监察大队投诉，也可以申请劳动仲裁。", DialogState.WITH_LAWYER), Instant.now()));

        await().atMost(Duration.ofSeconds(15)).until(() -> repliesTo(follower).size() == 2);
        List<String> sent = repliesTo(follower);
        assertThat(sent.get(0)).isEqualTo(announced.get().text());
        assertThat(sent.get(1)).startsWith("王律师：您好");
        WEIBO.verify(2, postRequestedFor(urlPathEqualTo(REPLY)).withFormParam("access_token", WireMock.equalTo(ACCESS_TOKEN))
                .withFormParam("receiver_id", WireMock.equalTo(follower)).withFormParam("type", WireMock.equalTo("text")));
    }

    @Test
    void aChatNobodyPicksUpAsksTheFollowerForAPhoneNumberThroughReplyJson() throws Exception {
        ChannelIdentity citizen = new ChannelIdentity(Channel.WEIBO, "default", follower);
        push(signedQuery(APP_SECRET), text("我要找律师"));

        Optional<Reply> asked = conversations.pickupTimedOut(citizen);

        assertThat(asked).isPresent();
        assertThat(conversations.stateOf(citizen)).isEqualTo(DialogState.COLLECTING_PHONE);
        await().atMost(Duration.ofSeconds(15)).until(() -> repliesTo(follower).size() == 1);
        assertThat(repliesTo(follower).get(0)).contains("手机号");
    }

    @Test
    void aPushWithABadSignatureIsRefused() throws Exception {
        HttpResponse<String> response = push(signedQuery("not-their-secret"), text("老板拖欠工资三个月不发怎么办"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("工资");
    }

    private HttpResponse<String> push(String query, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(webhook(query)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String webhook(String query) {
        return "http://127.0.0.1:" + port + "/weibo/default?" + query;
    }

    private String text(String words) {
        return "{\"type\":\"text\",\"receiver_id\":" + ACCOUNT_UID + ",\"sender_id\":" + follower + ",\"created_at\":\""
                + WEIBO_DATE.format(Instant.now()) + "\",\"text\":\"" + words + "\",\"data\":{}}";
    }

    /** signature = hex(SHA-1(app secret, timestamp, nonce sorted and joined)); the timestamp in milliseconds. */
    private static String signedQuery(String secret) throws Exception {
        String timestamp = Long.toString(System.currentTimeMillis());
        String nonce = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String[] parts = {secret, timestamp, nonce};
        Arrays.sort(parts);
        byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
        return "signature=" + HexFormat.of().formatHex(digest) + "&timestamp=" + timestamp + "&nonce=" + nonce;
    }

    /** The texts reply.json received for one follower, in order. */
    private static List<String> repliesTo(String uid) {
        return WEIBO.findAll(postRequestedFor(urlPathEqualTo(REPLY))).stream()
                .map(request -> form(request.getBodyAsString()))
                .filter(form -> uid.equals(form.get("receiver_id")))
                .map(form -> JSON.readTree(form.get("data")).get("text").asString())
                .toList();
    }

    private static java.util.Map<String, String> form(String body) {
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            fields.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** Weibo's reply.json as documented: the stored message for our token, 21327 expired_token for any other. */
    private static WireMockServer startWeibo() {
        WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(post(urlPathEqualTo(REPLY)).willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"expired_token\",\"error_code\":21327,\"request\":\"" + REPLY + "\"}")));
        server.stubFor(post(urlPathEqualTo(REPLY)).withFormParam("access_token", WireMock.equalTo(ACCESS_TOKEN))
                .willReturn(okJson("{\"id\":4182746302817315,\"idstr\":\"4182746302817315\",\"text\":\"ok\"}")));
        return server;
    }
}
