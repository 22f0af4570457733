package org.lawline.storage;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.Conversations;
import org.lawline.conversation.InboundMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application on a PostgreSQL of its own and the real Redis, the database then frozen
 * (SIGSTOP on its postmaster and backends, as a hung server or a partitioned network behaves): a
 * citizen on the web chat and one on WeChat still get their answers, well before WeChat would
 * retry; a platform's retry gets the same answer, not a second one; and once the database runs
 * again (SIGCONT), the claims and the turns are written to it, each once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CitizensAreAnsweredWhileTheDatabaseIsFrozenIT {

    private static final String TOKEN = "frozentoken";
    private static final String QUESTION = "老板拖欠工资三个月不发怎么办";
    /** WeChat retries a webhook call it has no answer to within five seconds: an answer must come before that. */
    private static final Duration PLATFORM_RETRY = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WireMockServer WECHAT = startWeChat();
    private static PrivatePostgres postgres;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Conversations conversations;

    @Autowired
    JdbcClient db;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) throws Exception {
        if (!PrivatePostgres.available()) {
            throw new IllegalStateException("This test freezes a PostgreSQL of its own and needs PostgreSQL 15's initdb and pg_ctl");
        }
        postgres = PrivatePostgres.start();
        String run = UUID.randomUUID().toString().substring(0, 8);
        registry.add("spring.datasource.url", postgres::url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("lawline.redis.url", () -> "redis://127.0.0.1:6379");
        // keys of this run's own: the writes the frozen database missed wait under this prefix
        registry.add("lawline.delivery.key-prefix", () -> "lawline:frozen-it:" + run + ":");
        registry.add("lawline.conversation.transcript.journal-dir", () -> "target/transcript-journal-frozen-" + run);
        registry.add("lawline.conversation.transcript.longest-pause", () -> "2s");
        registry.add("lawline.wechat.accounts.default.app-id", () -> "wxfrozen000000001");
        registry.add("lawline.wechat.accounts.default.secret", () -> "frozen-secret");
        registry.add("lawline.wechat.accounts.default.token", () -> TOKEN);
        registry.add("lawline.wechat.accounts.default.api-base-url", () -> "http://127.0.0.1:" + WECHAT.port());
    }

    @AfterAll
    static void stopServers() throws Exception {
        WECHAT.stop();
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aFrozenDatabaseStillLetsCitizensBeAnsweredOnce_andEverythingIsWrittenWhenItRunsAgain() throws Exception {
        // the first answers of a fresh JVM load the engine's models: not what this test measures
        conversations.handle(new InboundMessage(new ChannelIdentity(Channel.WECHAT, "default", "oWarmUp"), "warm-up", QUESTION, Instant.now()));
        String webCitizen = openWebSession();
        assertThat(sendOnTheWeb(webCitizen, "warm-up-" + UUID.randomUUID()).status).isEqualTo(200);
        String openid = "oFrozen" + UUID.randomUUID().toString().substring(0, 8);
        String webMessage = UUID.randomUUID().toString();
        String weChatMessage = textMessage(openid, QUESTION);
        // the webhook claims a message by its MsgId
        String msgId = "msg:" + weChatMessage.replaceAll("(?s).*<MsgId>(\\d+)</MsgId>.*", "$1");

        postgres.signal("STOP");
        Timed<WebAnswer> web;
        Timed<HttpResponse<String>> weChat;
        WebAnswer webRetry;
        HttpResponse<String> weChatRetry;
        Timed<HttpResponse<String>> poll;
        try {
            web = timed(() -> sendOnTheWeb(webCitizen, webMessage));
            weChat = timed(() -> postToWeChat(weChatMessage));
            webRetry = sendOnTheWeb(webCitizen, webMessage);
            weChatRetry = postToWeChat(weChatMessage);
            poll = timed(() -> pollTheWeb(webCitizen));
        } finally {
            postgres.signal("CONT");
        }

        assertThat(web.result.status).as(web.result.raw).isEqualTo(200);
        assertThat(web.result.body.get("kind").asString()).isEqualTo("answer");
        assertThat(web.result.body.get("text").asString()).contains("工资");
        assertThat(web.took).as("the web chat's answer while the database is frozen").isLessThan(PLATFORM_RETRY);
        assertThat(weChat.result.statusCode()).isEqualTo(200);
        String passive = content(weChat.result.body());
        assertThat(passive).contains("工资");
        assertThat(weChat.took).as("WeChat's passive reply while the database is frozen").isLessThan(PLATFORM_RETRY);
        assertThat(webRetry.raw).as("the web client's retry gets the first answer").isEqualTo(web.result.raw);
        assertThat(content(weChatRetry.body())).as("WeChat's retry gets the first reply").isEqualTo(passive);
        assertThat(poll.result.statusCode()).as(poll.result.body()).isEqualTo(200);
        assertThat(poll.took).as("the page's poll does not wait for the frozen database").isLessThan(PLATFORM_RETRY);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(claims(Channel.WEB, webCitizen, webMessage)).containsExactly("ANSWERED");
            assertThat(claims(Channel.WECHAT, openid, msgId)).containsExactly("ANSWERED");
            assertThat(turns(openid)).as("WeChat's turn, once").containsExactlyInAnyOrder("CITIZEN", "BOT");
            assertThat(turns(webCitizen)).as("the web turns: the warm-up and the one while frozen, once each")
                    .containsExactlyInAnyOrder("CITIZEN", "BOT", "CITIZEN", "BOT");
        });
        assertThat(db.sql("select answer from inbound_claim where citizen_id = :c and claim_key = :k")
                .param("c", openid).param("k", msgId).query(String.class).single()).isEqualTo(passive);

        HttpResponse<String> lateRetry = postToWeChat(weChatMessage);
        assertThat(content(lateRetry.body())).as("a retry once the database is back gets the same reply").isEqualTo(passive);
        assertThat(claims(Channel.WECHAT, openid, msgId)).containsExactly("ANSWERED");
        assertThat(turns(openid)).hasSize(2);
    }

    private List<String> claims(Channel channel, String citizen, String key) {
        return db.sql("select status from inbound_claim where channel = :ch and citizen_id = :c and claim_key = :k")
                .param("ch", channel.wireName()).param("c", citizen).param("k", key).query(String.class).list();
    }

    private List<String> turns(String citizen) {
        return db.sql("select speaker from conversation_turn where citizen_id = :c").param("c", citizen).query(String.class).list();
    }

    // ---- the web chat, as its page talks to it ----

    private final Map<String, String> tokens = new java.util.HashMap<>();

    private String openWebSession() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/web/session"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode session = JSON.readTree(response.body());
        tokens.put(session.get("citizenId").asString(), session.get("token").asString());
        return session.get("citizenId").asString();
    }

    private WebAnswer sendOnTheWeb(String citizen, String messageId) throws Exception {
        String body = JSON.writeValueAsString(Map.of("citizenId", citizen, "text", QUESTION, "messageId", messageId));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/web/messages"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.get(citizen))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new WebAnswer(response.statusCode(), response.body(), JSON.readTree(response.body()));
    }

    private HttpResponse<String> pollTheWeb(String citizen) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/web/messages?citizenId=" + citizen + "&after=0"))
                .header("Authorization", "Bearer " + tokens.get(citizen))
                .timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private record WebAnswer(int status, String raw, JsonNode body) {
    }

    // ---- WeChat, as its servers call the webhook ----

    private HttpResponse<String> postToWeChat(String xml) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wechat/default?" + signedQuery()))
                .header("Content-Type", "text/xml")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** signature = hex(SHA-1(the token, timestamp and nonce, sorted and joined)), as WeChat signs. */
    private static String signedQuery() throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String[] parts = {TOKEN, timestamp, nonce};
        Arrays.sort(parts);
        byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
        return "signature=" + HexFormat.of().formatHex(digest) + "&timestamp=" + timestamp
                + "&nonce=" + URLEncoder.encode(nonce, StandardCharsets.UTF_8);
    }

    private static String textMessage(String openid, String text) {
        return "<xml><ToUserName><![CDATA[gh_frozen]]></ToUserName><FromUserName><![CDATA[" + openid + "]]></FromUserName>"
                + "<CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + text + "]]></Content><MsgId>" + (7_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L))
                + "</MsgId></xml>";
    }

    private static String content(String xml) throws Exception {
        assertThat(xml).as("a passive reply").isNotBlank();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement().getElementsByTagName("Content").item(0).getTextContent();
    }

    private static WireMockServer startWeChat() {
        WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(get(urlPathEqualTo("/cgi-bin/token")).willReturn(okJson("{\"access_token\":\"FROZEN-TOKEN\",\"expires_in\":7200}")));
        server.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        return server;
    }

    // ---- timing ----

    private interface Call<T> {
        T call() throws Exception;
    }

    private record Timed<T>(T result, Duration took) {
    }

    private static <T> Timed<T> timed(Call<T> call) throws Exception {
        long started = System.nanoTime();
        T result = call.call();
        return new Timed<>(result, Duration.ofNanos(System.nanoTime() - started));
    }
}
