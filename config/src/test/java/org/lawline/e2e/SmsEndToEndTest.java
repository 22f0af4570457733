package org.lawline.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.CallbackNumberConfirmed;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.Conversations;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.MobileNumber;
import org.lawline.conversation.Reply;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.EventId;
import org.lawline.conversation.ReplyComposed;
import org.lawline.security.Role;
import org.lawline.security.StaffAccounts;
import org.lawline.security.StaffBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with the SMS gateway {@code default} configured as the README's
 * variables configure it, Aliyun's SMS API played by WireMock, and citizens' messages pushed to
 * {@code /sms/default/inbound} as the platform pushes them: a question is answered by SMS with
 * the law it rests on; a chat that asks for a person is escalated and the duty lawyer's reply
 * reaches the citizen by SMS; a pickup timeout schedules the callback on the citizen's number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(SmsEndToEndTest.HeardEvents.class)
class SmsEndToEndTest {

    /**
     * The callback events, as a listener of another module hears them: they arrive through the
     * event journal on its own thread, which Spring's recorded events of the test thread miss.
     */
    static final class HeardEvents {
        final Queue<CallbackNumberConfirmed> confirmed = new ConcurrentLinkedQueue<>();

        @EventListener
        void on(CallbackNumberConfirmed event) {
            confirmed.add(event);
        }
    }

    private static final String TOKEN = "e2e-push-token-0123456789";
    private static final String HOTLINE_SECRET = "e2e-hotline-secret-0123";
    private static final WireMockServer ALIYUN = startAliyun();
    private static final AtomicLong SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000));

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    Conversations conversations;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HeardEvents published;
    @Autowired
    org.lawline.handoff.escalation.PickupTimeouts pickupTimeouts;
    @Autowired
    StaffAccounts accounts;

    @DynamicPropertySource
    static void smsGateway(DynamicPropertyRegistry registry) {
        // what LAWLINE_SMS_* set in application.yml
        Map.of("access-key-id", "LTAI5tE2eKeyId", "access-key-secret", "e2e-secret", "sign-name", "12348法律服务",
                        "template-reply", "SMS_480000002", "push-token", TOKEN, "api-base-url", "http://127.0.0.1:" + ALIYUN.port())
                .forEach((key, value) -> registry.add("lawline.sms.gateways.default." + key, () -> value));
        registry.add("lawline.hotline.secret", () -> HOTLINE_SECRET);
    }

    /**
     * A duty lawyer on duty, as on a working install: with no LAWYER account at all every request
     * for a person goes straight to the callback, and the tests that wait for a lawyer would pass
     * only when another test class happened to add one first.
     */
    @org.junit.jupiter.api.BeforeEach
    void aLawyerOnDuty() {
        if (accounts.active(Role.LAWYER).isEmpty()) {
            accounts.add("lawyer-sms-e2e", "短信测试律师", Role.LAWYER, "e2e lawyer password");
        }
    }

    @AfterAll
    static void stopAliyun() {
        ALIYUN.stop();
    }

    @Test
    void aQuestionBySmsIsAnsweredBySmsWithTheLawItRestsOn() throws Exception {
        String phone = aNumber();

        assertThat(push(phone, "老板拖欠工资三个月不发怎么办").body()).isEqualTo("{\"code\":0,\"msg\":\"接收成功\"}");

        // a long answer arrives in several parts; the citation comes last
        await().atMost(Duration.ofSeconds(30)).until(() -> String.join("", textsTo(phone)).contains("》"));
        assertThat(String.join("", textsTo(phone))).contains("工资").containsPattern("《[^》]+》");
    }

    @Test
    void aChatStartedBySmsIsEscalatedAndTheLawyersReplyArrivesBySms() throws Exception {
        String phone = aNumber();
        ChannelIdentity citizen = new ChannelIdentity(Channel.SMS, "default", phone, Optional.of(new MobileNumber(phone)));

        push(phone, "我要找律师");
        await().atMost(Duration.ofSeconds(30)).until(() -> !textsTo(phone).isEmpty());
        assertThat(conversations.stateOf(citizen)).isEqualTo(DialogState.QUEUED);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from escalation where channel = 'sms' and citizen_id = :phone and status = 'WAITING'")
                .param("phone", phone).query(Integer.class).single() == 1);

        Optional<Reply> announced = conversations.lawyerClaimed(citizen, "lawyer-wang");
        assertThat(announced).isPresent();
        await().atMost(Duration.ofSeconds(10)).until(() -> String.join("", textsTo(phone)).contains(announced.get().text().substring(0, 8)));
        events.publishEvent(new ReplyComposed(EventId.next(), ConversationId.next(), citizen, Optional.empty(),
                new Reply.Handoff("律师：您好，拖欠工资可以先向劳动监察大队投诉。", DialogState.WITH_LAWYER), Instant.now()));

        await().atMost(Duration.ofSeconds(10)).until(() -> textsTo(phone).stream().anyMatch(text -> text.contains("劳动监察大队")));
        // the SMS worker marks the part SENT only once Aliyun has answered, a moment after the stub logged the call
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "select state from outbound_part where channel = 'sms' and citizen_id = :phone and text like '%劳动监察大队%'")
                .param("phone", phone).query(String.class).single()).isEqualTo("SENT"));
    }

    @Test
    void aPickupTimeoutSchedulesTheCallbackOnTheSmsNumberAtOnce() throws Exception {
        String phone = aNumber();
        ChannelIdentity citizen = new ChannelIdentity(Channel.SMS, "default", phone, Optional.of(new MobileNumber(phone)));
        push(phone, "人工");
        await().atMost(Duration.ofSeconds(30)).until(() -> conversations.stateOf(citizen) == DialogState.QUEUED);

        Optional<Reply> told = conversations.pickupTimedOut(citizen);

        assertThat(told).isPresent();
        assertThat(conversations.stateOf(citizen)).isEqualTo(DialogState.CALLBACK);
        // events reach their listeners through the event journal, a moment after the reply
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(published.confirmed)
                .anySatisfy(event -> assertThat(event.phone()).isEqualTo(new MobileNumber(phone))));
        await().atMost(Duration.ofSeconds(10)).until(() -> String.join("", textsTo(phone)).contains(told.get().text().substring(0, 8)));
    }

    @Test
    void aVoicemailWaitsForTheLawyerWithTheBotsSuggestionAndTheLawyersReplyReachesTheCallerBySms() throws Exception {
        String phone = aNumber();
        String id = "vm-" + SEQUENCE.incrementAndGet();
        String body = "{\"id\":\"" + id + "\",\"callerNumber\":\"" + phone + "\",\"receivedAt\":\"2026-12-04T14:05:00Z\","
                + "\"text\":\"老板拖欠工资三个月不发怎么办\",\"recordingUrl\":\"https://hotline.example/rec/" + id + ".mp3\"}";

        assertThat(postVoicemail(body).statusCode()).isEqualTo(202);
        assertThat(postVoicemail(body).statusCode()).isEqualTo(200);

        assertThat(jdbc.sql("select count(*) from escalation where channel = 'hotline' and citizen_id = :phone and status = 'WAITING'")
                .param("phone", phone).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select suggested_answer from hotline_voicemail where id = :id").param("id", id).query(String.class).single())
                .contains("工资");
        ChannelIdentity caller = new ChannelIdentity(Channel.HOTLINE, "12348", phone, Optional.of(new MobileNumber(phone)));
        events.publishEvent(new ReplyComposed(EventId.next(), ConversationId.next(), caller, Optional.empty(),
                new Reply.Handoff("律师：您好，欠薪可以向劳动监察大队投诉。", DialogState.WITH_LAWYER), Instant.now()));
        await().atMost(Duration.ofSeconds(10)).until(() -> textsTo(phone).stream().anyMatch(text -> text.contains("劳动监察大队")));
        // the SMS worker marks the part SENT only once Aliyun has answered, a moment after the stub logged the call
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "select state from outbound_part where channel = 'hotline' and citizen_id = :phone")
                .param("phone", phone).query(String.class).single()).isEqualTo("SENT"));
    }

    @Test
    void aVoicemailNoLawyerAnsweredInTimeIsOnTheOperatorsCallbacksWithWhatTheCallerLeft() throws Exception {
        String phone = aNumber();
        String id = "vm-" + SEQUENCE.incrementAndGet();
        assertThat(postVoicemail("{\"id\":\"" + id + "\",\"callerNumber\":\"" + phone + "\",\"receivedAt\":\"2026-12-04T14:05:00Z\","
                + "\"text\":\"老板拖欠工资三个月不发怎么办\",\"recordingUrl\":\"https://hotline.example/rec/" + id + ".mp3\"}")
                .statusCode()).isEqualTo(202);
        long escalation = await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                        "select max(id) from escalation where channel = 'hotline' and citizen_id = :phone").param("phone", phone)
                .query(Long.class).optional().orElse(null), java.util.Objects::nonNull);

        assertThat(pickupTimeouts.fire(escalation)).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from callback_request where escalation_id = :e and phone = :phone and status = 'PENDING'")
                .param("e", escalation).param("phone", phone).query(Integer.class).single() == 1);
        String operator = "operator-" + SEQUENCE.incrementAndGet();
        accounts.add(operator, "接线员小周", Role.OPERATOR, "e2e operator password");
        StaffBrowser browser = new StaffBrowser(port);
        browser.logIn(operator, "e2e operator password");
        tools.jackson.databind.JsonNode row = null;
        for (tools.jackson.databind.JsonNode callback : tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(browser.get("/api/inbox/callbacks?status=pending").body()).get("callbacks")) {
            if (callback.get("conversationId").asLong() == escalation) {
                row = callback;
            }
        }
        assertThat(row).as("the voicemail's callback is listed").isNotNull();
        assertThat(row.get("channel").asString()).isEqualTo("hotline");
        assertThat(row.get("phone").asString()).isEqualTo(phone);
        tools.jackson.databind.JsonNode voicemail = row.get("voicemail");
        assertThat(voicemail.get("id").asString()).isEqualTo(id);
        assertThat(voicemail.get("receivedAt").asString()).isEqualTo("2026-12-04T14:05:00Z");
        assertThat(voicemail.get("text").asString()).isEqualTo("老板拖欠工资三个月不发怎么办");
        assertThat(voicemail.get("recordingUrl").asString()).isEqualTo("https://hotline.example/rec/" + id + ".mp3");
        assertThat(voicemail.get("suggestedAnswer").asString()).contains("工资");

        // and the duty lawyer who opens the consultation sees what the caller left, beside the chat
        String lawyer = "lawyer-" + SEQUENCE.incrementAndGet();
        accounts.add(lawyer, "值班律师", Role.LAWYER, "e2e lawyer password");
        StaffBrowser lawyersBrowser = new StaffBrowser(port);
        lawyersBrowser.logIn(lawyer, "e2e lawyer password");
        tools.jackson.databind.JsonNode opened = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(lawyersBrowser.get("/api/inbox/conversations/" + escalation).body());
        assertThat(opened.get("citizen").asString()).doesNotContain(phone);
        assertThat(opened.get("voicemail").get("text").asString()).isEqualTo("老板拖欠工资三个月不发怎么办");
        assertThat(opened.get("voicemail").get("recordingUrl").asString()).isEqualTo("https://hotline.example/rec/" + id + ".mp3");
        assertThat(opened.get("voicemail").get("suggestedAnswer").asString()).contains("工资");
    }

    private HttpResponse<String> postVoicemail(String body) throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(HOTLINE_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = java.util.HexFormat.of().formatHex(mac.doFinal((timestamp + "\n" + body).getBytes(StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/hotline/voicemails"))
                        .header("Content-Type", "application/json").header("X-LawLine-Timestamp", timestamp)
                        .header("X-LawLine-Signature", signature)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> push(String phone, String text) throws Exception {
        String batch = "[{\"phone_number\":\"" + phone + "\",\"send_time\":\"2026-12-04 12:00:00\",\"content\":\"" + text
                + "\",\"sign_name\":\"12348法律服务\",\"dest_code\":\"12348\",\"sequence_id\":" + SEQUENCE.incrementAndGet() + "}]";
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sms/default/inbound?token=" + TOKEN))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(batch, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The texts sent to a number, in order, read from the template parameter of each SendSms call. */
    private static List<String> textsTo(String phone) {
        return ALIYUN.findAll(postRequestedFor(urlPathEqualTo("/"))).stream()
                .map(request -> URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8))
                .filter(form -> form.contains("PhoneNumbers=" + phone + "&"))
                .map(form -> form.substring(form.indexOf("TemplateParam=") + "TemplateParam=".length()))
                .map(param -> param.substring(0, param.indexOf("\"}") + 2))
                .toList();
    }

    private static String aNumber() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** Aliyun's SendSms as documented: every call accepted with a BizId. */
    private static WireMockServer startAliyun() {
        WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(post(urlPathEqualTo("/")).willReturn(
                okJson("{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"{{randomValue length=15 type='NUMERIC'}}^0\",\"RequestId\":\"e2e\"}")
                        .withTransformers("response-template")));
        return server;
    }
}
