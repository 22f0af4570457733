package org.lawline.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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
import java.util.Optional;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.Conversations;
import org.lawline.conversation.CallbackNumberConfirmed;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.EventId;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.MobileNumber;
import org.lawline.conversation.Reply;
import org.lawline.conversation.ReplyComposed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;

/**
 * The whole application with the WeChat account {@code default} configured as the README's
 * environment variables configure it, WeChat's API played by WireMock: the webhook is verified,
 * a citizen's question gets the knowledge base's answer as a passive reply, a forged call is
 * refused. Signatures are computed here as WeChat's documentation describes them (SHA-1 of the
 * sorted token, timestamp and nonce), not by the code under test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WeChatEndToEndTest {

    private static final String TOKEN = "e2etoken";
    private static final WireMockServer WECHAT = startWeChat();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Conversations conversations;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void weChatAccount(DynamicPropertyRegistry registry) {
        registry.add("lawline.wechat.accounts.default.app-id", () -> "wxe2e0000000000001");
        registry.add("lawline.wechat.accounts.default.secret", () -> "e2e-secret");
        registry.add("lawline.wechat.accounts.default.token", () -> TOKEN);
        registry.add("lawline.wechat.accounts.default.api-base-url", () -> "http://127.0.0.1:" + WECHAT.port());
    }

    @AfterAll
    static void stopWeChat() {
        WECHAT.stop();
    }

    /**
     * The first message of a fresh JVM loads the engine's classes and models; on a busy test
     * machine that alone can outlast the passive-reply budget, which production pays once a start.
     */
    @BeforeEach
    void warmUpTheEngine() {
        // each test counts only the calls WeChat got during it
        WECHAT.resetRequests();
        conversations.handle(new InboundMessage(new ChannelIdentity(Channel.WECHAT, "default", "oWarmUp"),
                UUID.randomUUID().toString(), "老板拖欠工资怎么办", Instant.now()));
    }

    @Test
    void urlVerificationWithAValidSignatureEchoesTheEchostr() throws Exception {
        String echostr = "echo" + ThreadLocalRandom.current().nextLong(1_000_000_000L);

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(webhook(signedQuery(TOKEN)) + "&echostr=" + echostr)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(echostr);
    }

    @Test
    void unpaidWagesQuestionIsAnsweredPassivelyWithTheLawItRestsOn() throws Exception {
        String openid = "oE2e" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> response = postMessage(signedQuery(TOKEN), textMessage(openid, "老板拖欠工资三个月不发怎么办"));

        assertThat(response.statusCode()).isEqualTo(200);
        Document reply = parse(response.body());
        assertThat(field(reply, "MsgType")).isEqualTo("text");
        assertThat(field(reply, "ToUserName")).isEqualTo(openid);
        assertThat(field(reply, "FromUserName")).isEqualTo("gh_e2e");
        String content = field(reply, "Content");
        assertThat(content).contains("工资");
        assertThat(content).as("cites the law it rests on").containsPattern("依据：.*《[^》]+》.*第[^条]+条");
        WECHAT.verify(0, postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send")));
    }

    @Test
    void aLawyersReplyToAVoicemailGoesOnWeChatToTheFollowerWhoGaveThatNumber() throws Exception {
        String openid = "oE2e" + UUID.randomUUID().toString().substring(0, 8);
        String phone = "135" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        ChannelIdentity follower = new ChannelIdentity(Channel.WECHAT, "default", openid);
        // the follower writes (WeChat's window opens) and gives the number for a callback
        assertThat(postMessage(signedQuery(TOKEN), textMessage(openid, "你好")).statusCode()).isEqualTo(200);
        events.publishEvent(new CallbackNumberConfirmed(EventId.next(), ConversationId.next(), follower, new MobileNumber(phone),
                Instant.now()));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from follower_number where phone = :p and citizen_id = :o")
                .param("p", phone).param("o", openid).query(Integer.class).single() == 1);

        // later a voicemail from that number is answered by a duty lawyer
        ChannelIdentity caller = new ChannelIdentity(Channel.HOTLINE, "12348", phone, Optional.of(new MobileNumber(phone)));
        events.publishEvent(new ReplyComposed(EventId.next(), ConversationId.next(), caller, Optional.empty(),
                new Reply.Handoff("律师：您好，您的留言已收到，欠薪可向劳动监察大队投诉。", DialogState.WITH_LAWYER), Instant.now()));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> WECHAT.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(openid))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("劳动监察大队"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(jdbc.sql(
                "select max(state) from outbound_part where channel = 'wechat' and citizen_id = :o and text like '%劳动监察大队%'")
                .param("o", openid).query(String.class).single()));
        assertThat(jdbc.sql("select count(*) from outbound_part where channel = 'hotline' and citizen_id = :p").param("p", phone)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aMessageWithABadSignatureIsRefused() throws Exception {
        String forged = signedQuery("nottheirtoken");

        HttpResponse<String> response = postMessage(forged, textMessage("oForger", "老板拖欠工资三个月不发怎么办"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("工资");
    }

    @Test
    void aUrlVerificationWithABadSignatureIsRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(webhook(signedQuery("nottheirtoken")) + "&echostr=anything")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("anything");
    }

    private HttpResponse<String> postMessage(String query, String xml) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(webhook(query)))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String webhook(String query) {
        return "http://127.0.0.1:" + port + "/wechat/default?" + query;
    }

    /** signature = hex(SHA-1(the token, timestamp and nonce, sorted and joined)), as WeChat signs. */
    private static String signedQuery(String token) throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String[] parts = {token, timestamp, nonce};
        Arrays.sort(parts);
        byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
        return "signature=" + HexFormat.of().formatHex(digest) + "&timestamp=" + timestamp
                + "&nonce=" + URLEncoder.encode(nonce, StandardCharsets.UTF_8);
    }

    private static String textMessage(String openid, String text) {
        return "<xml><ToUserName><![CDATA[gh_e2e]]></ToUserName><FromUserName><![CDATA[" + openid + "]]></FromUserName>"
                + "<CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + text + "]]></Content><MsgId>" + (7_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L))
                + "</MsgId></xml>";
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String field(Document reply, String name) {
        return reply.getDocumentElement().getElementsByTagName(name).item(0).getTextContent();
    }

    /** WeChat's API as documented: an access_token, and every send accepted. */
    private static WireMockServer startWeChat() {
        WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(get(urlPathEqualTo("/cgi-bin/token")).willReturn(okJson("{\"access_token\":\"E2E-TOKEN\",\"expires_in\":7200}")));
        server.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        return server;
    }
}
