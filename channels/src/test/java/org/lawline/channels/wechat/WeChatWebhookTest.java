package org.lawline.channels.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.channels.ScriptedConversations;
import org.lawline.channels.ShiftedClock;
import org.lawline.conversation.Channel;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.Reply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest(classes = WeChatTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lawline.wechat.accounts.default.app-id=" + MessageCipherTest.SAMPLE_APP_ID,
        "lawline.wechat.accounts.default.secret=test-secret",
        "lawline.wechat.accounts.default.token=" + MessageCipherTest.SAMPLE_TOKEN,
        // "default" is a plain-mode account (no key); "safe" has a key, so only safe mode reaches it
        "lawline.wechat.accounts.safe.app-id=" + MessageCipherTest.SAMPLE_APP_ID,
        "lawline.wechat.accounts.safe.secret=test-secret",
        "lawline.wechat.accounts.safe.token=" + MessageCipherTest.SAMPLE_TOKEN,
        "lawline.wechat.accounts.safe.aes-key=" + MessageCipherTest.SAMPLE_AES_KEY,
        "lawline.wechat.reply-budget=1s"})
@AutoConfigureMockMvc
class WeChatWebhookTest {

    static final String TOKEN = MessageCipherTest.SAMPLE_TOKEN;
    static final String ACCOUNT_ID = "gh_7f083739789a";
    private static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis() * 1000);

    @DynamicPropertySource
    static void weChatStub(DynamicPropertyRegistry registry) {
        registry.add("lawline.wechat.accounts.default.api-base-url", WeChatStub::baseUrl);
        registry.add("lawline.wechat.accounts.safe.api-base-url", WeChatStub::baseUrl);
    }

    @Autowired MockMvc mvc;
    @Autowired ScriptedConversations conversations;
    @Autowired ShiftedClock clock;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    private String openid;

    @BeforeEach
    void freshCitizen() {
        conversations.reset();
        clock.reset();
        WeChatStub.reset();
        openid = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void answersWeChatsUrlVerificationWithTheEchostr() throws Exception {
        mvc.perform(get("/wechat/default?" + WebhookCalls.signedQuery(TOKEN, Instant.now()) + "&echostr=4711abc"))
                .andExpect(status().isOk())
                .andExpect(content().string("4711abc"));
    }

    @Test
    void refusesUrlVerificationWithAWrongSignature() throws Exception {
        String query = WebhookCalls.signedQuery("other-token", Instant.now());
        mvc.perform(get("/wechat/default?" + query + "&echostr=4711abc")).andExpect(status().isForbidden());
    }

    @Test
    void answersAnAccountThatIsNotConfiguredWithNotFound() throws Exception {
        mvc.perform(post("/wechat/county-x?" + WebhookCalls.signedQuery(TOKEN, Instant.now()))
                .contentType(MediaType.TEXT_XML).content(text("你好"))).andExpect(status().isNotFound());
    }

    @Test
    void answersATextMessagePassivelyWithTheEnginesReply() throws Exception {
        String reply = postPlain(text("老板拖欠工资怎么办")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        WeChatXml.Fields fields = WeChatXml.parse(reply.getBytes(StandardCharsets.UTF_8));
        assertThat(fields.get("Content")).hasValue("您问的是：老板拖欠工资怎么办");
        assertThat(fields.get("ToUserName")).hasValue(openid);
        assertThat(fields.get("FromUserName")).hasValue(ACCOUNT_ID);
        assertThat(fields.get("MsgType")).hasValue("text");
        assertThat(conversations.receivedFrom(openid)).singleElement()
                .satisfies(m -> assertThat(m.from().channel()).isEqualTo(Channel.WECHAT))
                .satisfies(m -> assertThat(m.from().account()).isEqualTo("default"));
    }

    @Test
    void decryptsWeChatsPublishedSampleAndEncryptsTheReplySoWxJavaReadsIt() throws Exception {
        clock.setNow(Instant.ofEpochSecond(Long.parseLong(MessageCipherTest.SAMPLE_TIMESTAMP)));
        String timestamp = MessageCipherTest.SAMPLE_TIMESTAMP;
        String nonce = MessageCipherTest.SAMPLE_NONCE;
        String encrypted = MessageCipherTest.SAMPLE_MESSAGE_ENCRYPTED;
        String envelope = "<xml><ToUserName><![CDATA[toUser]]></ToUserName><Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>";
        String query = "signature=" + SHA1.gen(TOKEN, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
                + "&encrypt_type=aes&msg_signature=" + SHA1.gen(TOKEN, timestamp, nonce, encrypted);

        String response = mvc.perform(post("/wechat/safe?" + query).contentType(MediaType.TEXT_XML).content(envelope))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        // The sample is a video message: we ask for text, encrypted, and WxJava's own crypto reads it.
        WeChatXml.Fields reply = WeChatXml.parse(response.getBytes(StandardCharsets.UTF_8));
        String plain = wxJava().decryptXml(reply.get("MsgSignature").orElseThrow(), reply.get("TimeStamp").orElseThrow(),
                reply.get("Nonce").orElseThrow(), response);
        WeChatXml.Fields inner = WeChatXml.parse(plain.getBytes(StandardCharsets.UTF_8));
        assertThat(inner.get("Content")).hasValue(CitizenTexts.PLEASE_TYPE);
        assertThat(inner.get("ToUserName")).hasValue(ACCOUNT_ID);
    }

    @Test
    void anAccountWithAKeyRefusesAPlainMessageUnreadEvenWhenItsSignatureIsRight() throws Exception {
        // Whoever saw one webhook URL has a valid plain signature for five minutes; it must not
        // let them post any body as any openid. Unparsable bodies show the parser never ran.
        String unparsable = "<xml><not-closed>";
        String signed = WebhookCalls.signedQuery(TOKEN, Instant.now());
        for (String query : new String[] {signed, signed + "&encrypt_type=raw", signed + "&encrypt_type=aes"}) {
            mvc.perform(post("/wechat/safe?" + query).contentType(MediaType.TEXT_XML).content(unparsable))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/wechat/safe?" + WebhookCalls.signedQuery(TOKEN, Instant.now()))
                .contentType(MediaType.TEXT_XML).content(text("冒充别人的问题").getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isForbidden());
        assertThat(conversations.receivedFrom(openid)).isEmpty();
    }

    @Test
    void anAccountWithAKeyRefusesAnEncryptedMessageWhoseMsgSignatureIsWrong() throws Exception {
        clock.setNow(Instant.ofEpochSecond(Long.parseLong(MessageCipherTest.SAMPLE_TIMESTAMP)));
        String timestamp = MessageCipherTest.SAMPLE_TIMESTAMP;
        String nonce = MessageCipherTest.SAMPLE_NONCE;
        String envelope = "<xml><Encrypt><![CDATA[" + MessageCipherTest.SAMPLE_MESSAGE_ENCRYPTED + "]]></Encrypt></xml>";
        String query = "signature=" + SHA1.gen(TOKEN, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
                + "&encrypt_type=aes&msg_signature=" + SHA1.gen(TOKEN, timestamp, nonce, "another ciphertext");

        mvc.perform(post("/wechat/safe?" + query).contentType(MediaType.TEXT_XML).content(envelope))
                .andExpect(status().isForbidden());
    }

    @Test
    void refusesBadMissingAndReusedSignaturesBeforeParsingTheBody() throws Exception {
        // A body the parser would answer 400: a 403 shows the parser never ran.
        String unparsable = "<xml><not-closed>";
        Instant now = Instant.now();
        String wrongToken = WebhookCalls.signedQuery("wrongtoken", now);
        String timestamp = Long.toString(now.getEpochSecond());
        String missing = "timestamp=" + timestamp + "&nonce=abc";
        // A genuine signature, from another call: reused with this call's nonce.
        String reused = "signature=" + SHA1.gen(TOKEN, timestamp, "nonce-a") + "&timestamp=" + timestamp + "&nonce=nonce-b";

        for (String query : new String[] {wrongToken, missing, reused, ""}) {
            mvc.perform(post("/wechat/default?" + query).contentType(MediaType.TEXT_XML).content(unparsable))
                    .andExpect(status().isForbidden());
        }
        postPlain(unparsable).andExpect(status().isBadRequest());
    }

    @Test
    void refusesATimestampMoreThanFiveMinutesOff() throws Exception {
        // WeChat's timestamp is in whole seconds: 302 s keeps the truncation from landing on 300
        for (Instant when : new Instant[] {Instant.now().minusSeconds(302), Instant.now().plusSeconds(302)}) {
            mvc.perform(post("/wechat/default?" + WebhookCalls.signedQuery(TOKEN, when))
                    .contentType(MediaType.TEXT_XML).content("<xml><not-closed>")).andExpect(status().isForbidden());
        }
        mvc.perform(post("/wechat/default?" + WebhookCalls.signedQuery(TOKEN, Instant.now().minusSeconds(290)))
                .contentType(MediaType.TEXT_XML).content(text("你好"))).andExpect(status().isOk());
    }

    @Test
    void refusesExternalEntitiesAndEntityBombsQuicklyAndFetchesNothing() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"" + WeChatStub.baseUrl() + "/secret\">]>"
                + "<xml><ToUserName>gh</ToUserName><FromUserName>" + openid + "</FromUserName><CreateTime>1</CreateTime>"
                + "<MsgType>text</MsgType><Content>&x;</Content><MsgId>1</MsgId></xml>";
        String fileXxe = xxe.replace(WeChatStub.baseUrl() + "/secret", "file:///etc/passwd");
        // How fast is measured in no unit test (a shared machine makes timings flaky); that nothing
        // was fetched and nothing reached the engine is what proves the parser refused the DTD.
        for (String body : new String[] {xxe, fileXxe, WebhookCalls.BILLION_LAUGHS}) {
            postPlain(body).andExpect(status().isBadRequest());
        }
        WeChatStub.SERVER.verify(0, anyRequestedFor(anyUrl()));
        assertThat(conversations.received()).isEmpty();
    }

    @Test
    void refusesATenMegabyteBodyQuickly() throws Exception {
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        mvc.perform(post("/wechat/default?" + WebhookCalls.signedQuery(TOKEN, Instant.now()))
                .contentType(MediaType.TEXT_XML).content(tenMegabytes)).andExpect(status().isPayloadTooLarge());
        assertThat(conversations.received()).isEmpty();
    }

    @Test
    void refusesATenMegabyteBodyOnTheWireWithoutReadingIt() throws Exception {
        String query = WebhookCalls.signedQuery(TOKEN, Instant.now());
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            // Only "<xml>" of the announced 10 MB is sent: a server that tried to read the body
            // would wait for the rest and the read below would time out instead of seeing 413.
            OutputStream out = socket.getOutputStream();
            out.write(("POST /wechat/default?" + query + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml\r\n"
                    + "Content-Length: " + (10 * 1024 * 1024) + "\r\n\r\n<xml>").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(statusLine).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void answersARecognisedVoiceMessageAsText() throws Exception {
        String voice = WebhookCalls.message(ACCOUNT_ID, openid, MSG_IDS.incrementAndGet(), "voice",
                "<MediaId><![CDATA[m]]></MediaId><Format><![CDATA[amr]]></Format><Recognition><![CDATA[怎么申请劳动仲裁]]></Recognition>", Instant.now());
        assertThat(contentOf(postPlain(voice).andReturn())).isEqualTo("您问的是：怎么申请劳动仲裁");
    }

    @Test
    void asksTheCitizenToTypeWhenAVoiceMessageWasNotRecognised() throws Exception {
        String voice = WebhookCalls.message(ACCOUNT_ID, openid, MSG_IDS.incrementAndGet(), "voice",
                "<MediaId><![CDATA[m]]></MediaId><Format><![CDATA[amr]]></Format>", Instant.now());
        assertThat(contentOf(postPlain(voice).andReturn())).isEqualTo(CitizenTexts.VOICE_NOT_RECOGNISED);
        assertThat(conversations.received()).isEmpty();
    }

    @Test
    void answersALocationWithTheNearestOffices() throws Exception {
        String location = WebhookCalls.message(ACCOUNT_ID, openid, MSG_IDS.incrementAndGet(), "location",
                "<Location_X>39.9042</Location_X><Location_Y>116.4074</Location_Y><Scale>15</Scale><Label><![CDATA[某地]]></Label>", Instant.now());
        String reply = contentOf(postPlain(location).andReturn());
        assertThat(reply).startsWith("离您最近的法律服务机构").contains("距离：约", "地址：", "电话：", "办公时间：");
    }

    @Test
    void asksForTextWhenSentAnImageAVideoOrALink() throws Exception {
        for (String type : new String[] {"image", "video", "link"}) {
            String media = WebhookCalls.message(ACCOUNT_ID, openid, MSG_IDS.incrementAndGet(), type, "<MediaId>m</MediaId>", Instant.now());
            assertThat(contentOf(postPlain(media).andReturn())).isEqualTo("请用文字描述您的问题，我们暂时无法识别图片、视频、链接和文件。");
        }
    }

    @Test
    void welcomesAFollowerAndStopsNoticesWhenTheyLeave() throws Exception {
        Instant now = Instant.now();
        assertThat(contentOf(postPlain(WebhookCalls.event(ACCOUNT_ID, openid, "subscribe", "", now)).andReturn()))
                .contains("欢迎关注", "人工", "菜单");
        assertThat(subscribed()).isTrue();

        postPlain(WebhookCalls.event(ACCOUNT_ID, openid, "unsubscribe", "", now.plusSeconds(1)))
                .andExpect(status().isOk()).andExpect(content().string("success"));
        // the unsubscribe is applied on a channel worker; "success" is also the answer when the webhook's
        // 1 s budget ran out before the worker finished
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(subscribed()).isFalse());
    }

    @Test
    void theFindALawyerButtonAsksTheEngineForAPerson() throws Exception {
        conversations.answerWith(m -> new Reply.Handoff("正在为您转接值班律师，请稍候。", DialogState.QUEUED));
        String reply = contentOf(postPlain(WebhookCalls.event(ACCOUNT_ID, openid, "CLICK", "LAWLINE_LAWYER", Instant.now())).andReturn());
        assertThat(reply).isEqualTo("正在为您转接值班律师，请稍候。");
        assertThat(conversations.receivedFrom(openid)).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo("转人工"));
    }

    @Test
    void theFaqButtonShowsExampleQuestions() throws Exception {
        assertThat(contentOf(postPlain(WebhookCalls.event(ACCOUNT_ID, openid, "CLICK", "LAWLINE_FAQ", Instant.now())).andReturn()))
                .isEqualTo(CitizenTexts.FAQ_MENU);
    }

    @Test
    void recordsWeChatsReportOnATemplateJob() throws Exception {
        String report = "<xml><ToUserName>" + ACCOUNT_ID + "</ToUserName><FromUserName>" + openid + "</FromUserName>"
                + "<CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime><MsgType>event</MsgType>"
                + "<Event>TEMPLATESENDJOBFINISH</Event><MsgID>" + MSG_IDS.incrementAndGet() + "</MsgID><Status>failed:user block</Status></xml>";
        postPlain(report).andExpect(status().isOk()).andExpect(content().string("success"));
        // the report is recorded on a channel worker; "success" is also the answer when the webhook's 1 s
        // budget ran out before the worker finished
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                jdbc.sql("select status from wechat_job_report where kind = 'TEMPLATE' and status = 'failed:user block'")
                        .query(String.class).list()).isNotEmpty());
    }

    @Test
    void aRetryOfAnAnsweredMessageGetsTheSameReplyAndTheEngineIsAskedOnce() throws Exception {
        String message = text("离婚财产怎么分");
        String first = contentOf(postPlain(message).andReturn());
        String second = contentOf(postPlain(message).andReturn());
        assertThat(second).isEqualTo(first);
        assertThat(conversations.receivedFrom(openid)).hasSize(1);
    }

    @Test
    void aSlowAnswerLeavesAsACustomerServiceMessageAfterAnEmptyReply() throws Exception {
        conversations.slowDownBy(Duration.ofMillis(1500));
        // "success" rather than the answer: the webhook did not wait past its budget
        postPlain(text("工伤怎么认定")).andExpect(status().isOk()).andExpect(content().string("success"));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> WeChatStub.SERVER.verify(1,
                postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send"))));
        String sent = WeChatStub.SERVER.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send"))).get(0).getBodyAsString();
        assertThat(sent).contains(openid).contains("您问的是：工伤怎么认定");
    }

    @Test
    void aReplyOverWeChatsLimitIsAnsweredInPartsTheRestAsCustomerServiceMessages() throws Exception {
        String sentence = "用人单位未及时足额支付劳动报酬的，劳动者可以解除劳动合同并要求经济补偿。";
        conversations.answerWith(m -> new Reply.NoAnswer(sentence.repeat(40), DialogState.BOT));

        String passive = contentOf(postPlain(text("拖欠工资能辞职吗")).andReturn());

        assertThat(passive.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
        assertThat(passive).endsWith("。");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                WeChatStub.SERVER.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send")))).isNotEmpty());
        // the outbound row is marked SENT just after the API answered: wait for it too
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                jdbc.sql("select count(*) from outbound_part where citizen_id = :c and state = 'SENT'")
                        .param("c", openid).query(Integer.class).single()).isGreaterThanOrEqualTo(1));
    }

    private boolean subscribed() {
        return jdbc.sql("select subscribed from channel_subscriber where citizen_id = :c").param("c", openid).query(Boolean.class).single();
    }

    private String text(String content) {
        return WebhookCalls.text(ACCOUNT_ID, openid, MSG_IDS.incrementAndGet(), content, Instant.now());
    }

    private org.springframework.test.web.servlet.ResultActions postPlain(String body) throws Exception {
        return mvc.perform(post("/wechat/default?" + WebhookCalls.signedQuery(TOKEN, Instant.now()))
                .contentType(MediaType.TEXT_XML).content(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String contentOf(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        return WeChatXml.parse(body.getBytes(StandardCharsets.UTF_8)).get("Content").orElseThrow();
    }

    static WxMpCryptUtil wxJava() {
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId(MessageCipherTest.SAMPLE_APP_ID);
        config.setToken(TOKEN);
        config.setAesKey(MessageCipherTest.SAMPLE_AES_KEY);
        return new WxMpCryptUtil(config);
    }
}
