package org.lawline.channels.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawline.channels.ScriptedConversations;
import org.lawline.channels.ShiftedClock;
import org.lawline.channels.StandIns;
import org.lawline.channels.delivery.Delivery;
import org.lawline.channels.delivery.InboundClaims;
import org.lawline.channels.delivery.Outbox;
import org.lawline.channels.delivery.PartState;
import org.lawline.channels.delivery.Purpose;
import org.lawline.channels.delivery.Reconciler;
import org.lawline.channels.delivery.Subscribers;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.MobileNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SMS channel through its HTTP surface and its real client: pushes posted as the platform
 * posts them (batches, retries at its documented 1, 5 and 10 minutes compressed to moments, new
 * and seen items mixed), replies sent by {@code SendSms} to the Aliyun stand-in, with the
 * gateway's documented error codes.
 */
@SpringBootTest(classes = SmsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lawline.sms.gateways.default.access-key-id=LTAI5tTestKeyId",
        "lawline.sms.gateways.default.access-key-secret=test-secret-of-the-key",
        "lawline.sms.gateways.default.sign-name=12348法律服务",
        "lawline.sms.gateways.default.template-reply=SMS_480000001",
        "lawline.sms.gateways.default.push-token=" + SmsChannelIT.TOKEN,
        "lawline.sms.daily-cap=4",
        "lawline.sms.throttle-wait=20ms"})
@ExtendWith(OutputCaptureExtension.class)
class SmsChannelIT {

    static final String TOKEN = "push-token-0123456789abcdef";
    private static final Pattern FULL_MOBILE_NUMBER = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ScriptedConversations conversations;
    @Autowired
    ShiftedClock clock;
    @Autowired
    Outbox outbox;
    @Autowired
    Subscribers subscribers;
    @Autowired
    InboundClaims claims;
    @Autowired
    Reconciler reconciler;
    @Autowired
    JdbcClient jdbc;

    private String phone;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("lawline.sms.gateways.default.api-base-url", () -> StandIns.baseUrl(AliyunStub.SERVER));
    }

    @BeforeEach
    void freshNumber() {
        AliyunStub.acceptEverySend();
        conversations.reset();
        clock.reset();
        phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    @Test
    void thePlatformsCheckOfBothUrlsByGetIsAnsweredSuccess() throws Exception {
        for (String path : List.of("inbound", "receipts")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(path, TOKEN)).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"code\":0,\"msg\":\"成功\"}");
        }
    }

    @Test
    void aPushWithAWrongOrMissingTokenIsRefusedAndNothingIsRead() throws Exception {
        String batch = "[" + message(phone, "老板拖欠工资", "1001", Optional.of("12348法律服务")) + "]";

        assertThat(push("inbound", batch, "push-token-0123456789abcdeX").statusCode()).isEqualTo(403);
        assertThat(push("inbound", batch, null).statusCode()).isEqualTo(403);
        assertThat(http.send(HttpRequest.newBuilder(url("receipts", "wrong")).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(403);

        Thread.sleep(300);
        assertThat(conversations.receivedFrom(phone)).isEmpty();
        assertThat(claimsOf(phone)).isZero();
    }

    @Test
    void aPushOverTheSizeCapIsRefusedBeforeItIsParsed() throws Exception {
        String huge = "[" + message(phone, "劳".repeat(100_000), "1002", Optional.empty()) + "]";

        assertThat(push("inbound", huge, TOKEN).statusCode()).isEqualTo(413);
        assertThat(claimsOf(phone)).isZero();
    }

    @Test
    void aBatchIsAcknowledgedBeforeTheEngineAnswersAndEachMessageIsAnsweredBySendSms() throws Exception {
        conversations.slowDownBy(Duration.ofSeconds(2));
        String other = "138" + phone.substring(3);
        // sequence_id as a number and as a string; sign_name missing from the second
        String batch = "[" + message(phone, "老板拖欠工资怎么办", "2001", Optional.of("12348法律服务")) + ","
                + message(other, "离婚后孩子归谁", "\"2002\"", Optional.empty()) + "]";

        long started = System.nanoTime();
        HttpResponse<String> response = push("inbound", batch, TOKEN);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"code\":0,\"msg\":\"接收成功\"}");
        assertThat(took).as("answered before the engine's two seconds").isLessThan(Duration.ofMillis(1500));
        await().atMost(Duration.ofSeconds(15)).until(() -> AliyunStub.sendsTo(phone).size() == 1 && AliyunStub.sendsTo(other).size() == 1);
        Map<String, String> call = AliyunStub.sendsTo(phone).get(0);
        assertThat(call).containsEntry("Action", "SendSms").containsEntry("Version", "2017-05-25")
                .containsEntry("SignName", "12348法律服务").containsEntry("TemplateCode", "SMS_480000001")
                .containsEntry("TemplateParam", "{\"content\":\"您问的是：老板拖欠工资怎么办\"}")
                .containsEntry("AccessKeyId", "LTAI5tTestKeyId").containsEntry("SignatureMethod", "HMAC-SHA1");
        assertThat(call.get("OutId")).matches("\\d+");
        assertThat(call.get("Signature")).isEqualTo(signatureOf(call));
        assertThat(AliyunStub.sendsTo(other).get(0)).containsEntry("TemplateParam", "{\"content\":\"您问的是：离婚后孩子归谁\"}");
        assertThat(conversations.receivedFrom(phone).get(0).from().phone()).contains(new MobileNumber(phone));
    }

    @Test
    void aPushRetriedAtTheDocumentedIntervalsIsAnsweredOnce() throws Exception {
        String batch = "[" + message(phone, "工伤怎么认定", "3001", Optional.of("12348法律服务")) + "]";

        // Aliyun retries at 1, 5 and 10 minutes; here the same batch arrives four times in a row
        for (int delivery = 0; delivery < 4; delivery++) {
            HttpResponse<String> response = push("inbound", batch, TOKEN);
            assertThat(response.body()).isEqualTo("{\"code\":0,\"msg\":\"接收成功\"}");
            Thread.sleep(100);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> AliyunStub.sendsTo(phone).size() == 1);
        Thread.sleep(500);
        assertThat(conversations.receivedFrom(phone)).hasSize(1);
        assertThat(AliyunStub.sendsTo(phone)).hasSize(1);
    }

    @Test
    void receiptsSettleThePartsTheyNameAndABatchMixingSeenAndNewProcessesTheNewOnce() throws Exception {
        ChannelIdentity citizen = citizen(phone);
        Delivery first = outbox.send(citizen, "律师已回复您的咨询。", Purpose.PUSH, Optional.empty());
        Delivery second = outbox.send(citizen, "您的回拨已安排。", Purpose.PUSH, Optional.empty());
        String firstBizId = bizIdOf(first);
        String secondBizId = bizIdOf(second);
        assertThat(first.isSent()).isTrue();

        String seen = receipt(phone, firstBizId, true, "DELIVERED", "用户接收成功");
        assertThat(push("receipts", "[" + seen + "]", TOKEN).body()).isEqualTo("{\"code\":0,\"msg\":\"接收成功\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> stateOf(first).equals("SENT") && receiptClaims(phone) == 1);
        assertThat(push("receipts", "[" + seen + "," + receipt(phone, secondBizId, false, "MK:0001", "用户关机") + "]", TOKEN).body())
                .isEqualTo("{\"code\":0,\"msg\":\"接收成功\"}");

        await().atMost(Duration.ofSeconds(10)).until(() -> stateOf(second).equals("FAILED"));
        assertThat(reasonOf(second)).contains("MK:0001");
        assertThat(stateOf(first)).isEqualTo("SENT");
        assertThat(receiptClaims(phone)).isEqualTo(2);
    }

    @Test
    void aReceiptForALawyersReplyToAVoicemailSettlesTheHotlinePartItNames() throws Exception {
        ChannelIdentity caller = new ChannelIdentity(Channel.HOTLINE, "12348", phone, Optional.of(new MobileNumber(phone)));
        Delivery reply = outbox.send(caller, "律师：您好，欠薪可以向劳动监察大队投诉。", Purpose.REPLY, Optional.empty());
        assertThat(reply.isSent()).isTrue();

        assertThat(push("receipts", "[" + receipt(phone, bizIdOf(reply), false, "MK:0005", "空号") + "]", TOKEN).body())
                .isEqualTo("{\"code\":0,\"msg\":\"接收成功\"}");

        await().atMost(Duration.ofSeconds(10)).until(() -> stateOf(reply).equals("FAILED"));
        assertThat(reasonOf(reply)).contains("MK:0005");
    }

    @Test
    void aReceiptThatNamesOnlyOurOutIdSettlesThatPart() throws Exception {
        Delivery sent = outbox.send(citizen(phone), "您的回拨已安排。", Purpose.PUSH, Optional.empty());
        long partId = jdbc.sql("select id from outbound_part where message_id = :id").param("id", sent.messageId())
                .query(Long.class).single();
        String onlyOutId = "{\"phone_number\":\"" + phone + "\",\"send_time\":\"2026-12-04 12:00:00\","
                + "\"report_time\":\"2026-12-04 12:00:05\",\"success\":false,\"err_code\":\"MK:0001\",\"err_msg\":\"用户关机\","
                + "\"sms_size\":\"1\",\"biz_id\":\"\",\"out_id\":\"" + partId + "\"}";

        push("receipts", "[" + onlyOutId + "]", TOKEN);

        await().atMost(Duration.ofSeconds(10)).until(() -> stateOf(sent).equals("FAILED"));
        assertThat(reasonOf(sent)).contains("MK:0001");
    }

    @Test
    void tdStopsPublicityAtOnceAndIsConfirmedWhileTheConversationGoesOnAndDingyueResumesIt() throws Exception {
        ChannelIdentity citizen = citizen(phone);
        clock.setNow(Instant.parse("2026-12-04T04:00:00Z")); // 12:00 in Beijing, inside publicity hours

        push("inbound", "[" + message(phone, "TD", "4001", Optional.empty()) + "]", TOKEN);
        await().atMost(Duration.ofSeconds(10)).until(() -> AliyunStub.sendsTo(phone).size() == 1);

        assertThat(subscribers.mayReceiveNotices(citizen)).isFalse();
        assertThat(AliyunStub.sendsTo(phone).get(0).get("TemplateParam")).contains("您已退订");
        Delivery publicity = outbox.send(citizen, "12月4日是国家宪法日。", Purpose.PUBLICITY, Optional.empty());
        assertThat(publicity.state()).isEqualTo(PartState.NOT_DELIVERED);
        assertThat(publicity.reason().orElseThrow()).contains("unsubscribed");

        push("inbound", "[" + message(phone, "欠条丢了怎么办", "4002", Optional.empty()) + "]", TOKEN);
        await().atMost(Duration.ofSeconds(10)).until(() -> AliyunStub.sendsTo(phone).size() == 2);
        assertThat(conversations.receivedFrom(phone)).extracting(m -> m.text()).containsExactly("欠条丢了怎么办");

        push("inbound", "[" + message(phone, "订阅", "4003", Optional.empty()) + "]", TOKEN);
        await().atMost(Duration.ofSeconds(10)).until(() -> AliyunStub.sendsTo(phone).size() == 3);
        assertThat(subscribers.mayReceiveNotices(citizen)).isTrue();
        assertThat(outbox.send(citizen, "12月4日是国家宪法日。", Purpose.PUBLICITY, Optional.empty()).isSent()).isTrue();
        assertThat(AliyunStub.sendsTo(phone).get(3).get("TemplateParam")).endsWith(SmsPlatform.UNSUBSCRIBE_HINT + "\"}");
    }

    @Test
    void publicityAtNightWaitsForEightInTheMorning() {
        clock.setNow(Instant.parse("2026-12-04T14:30:00Z")); // 22:30 in Beijing

        Delivery publicity = outbox.send(citizen(phone), "普法讲座明天开讲。", Purpose.PUBLICITY, Optional.empty());

        assertThat(publicity.state()).isEqualTo(PartState.SENDING);
        assertThat(publicity.reason().orElseThrow()).contains("2026-12-05T00:00:00Z");
        assertThat(AliyunStub.sendsTo(phone)).isEmpty();
    }

    @Test
    void aReplyOverTheDailyCapIsRecordedNotDeliveredWithWhyAndNeverReachesTheGateway() {
        ChannelIdentity citizen = citizen(phone);
        for (int i = 0; i < 4; i++) {
            assertThat(outbox.send(citizen, "第" + i + "条。", Purpose.PUSH, Optional.empty()).isSent()).isTrue();
        }

        Delivery fifth = outbox.send(citizen, "第五条。", Purpose.PUSH, Optional.empty());

        assertThat(fifth.state()).isEqualTo(PartState.NOT_DELIVERED);
        assertThat(fifth.reason().orElseThrow()).contains("daily cap of 4");
        assertThat(AliyunStub.sendsTo(phone)).hasSize(4);
    }

    @Test
    void theGatewaysOwnCapForANumberIsRecordedNotDeliveredWithItsCode() {
        answerEverySendWith(200, "isv.BUSINESS_LIMIT_CONTROL", "触发天级流控Permits:10");

        Delivery delivery = outbox.send(citizen(phone), "律师已回复。", Purpose.PUSH, Optional.empty());

        assertThat(delivery.state()).isEqualTo(PartState.NOT_DELIVERED);
        assertThat(delivery.reason().orElseThrow()).contains("isv.BUSINESS_LIMIT_CONTROL");
    }

    @Test
    void aBadTemplateFailsWithTheGatewaysCodeAndIsNotRetried() {
        answerEverySendWith(200, "isv.SMS_TEMPLATE_ILLEGAL", "该账号下找不到对应模板");

        Delivery delivery = outbox.send(citizen(phone), "律师已回复。", Purpose.PUSH, Optional.empty());

        assertThat(delivery.state()).isEqualTo(PartState.FAILED);
        assertThat(delivery.reason().orElseThrow()).contains("isv.SMS_TEMPLATE_ILLEGAL");
        assertThat(AliyunStub.sendsTo(phone)).hasSize(1);
    }

    @Test
    void theGatewaysRateLimitIsWaitedOutNotDropped() {
        AliyunStub.SERVER.resetAll();
        AliyunStub.SERVER.stubFor(post(urlPathEqualTo("/")).inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"Code\":\"Throttling.User\",\"Message\":\"Request was denied due to user flow control.\",\"RequestId\":\"r1\"}"))
                .willSetStateTo("calm"));
        AliyunStub.SERVER.stubFor(post(urlPathEqualTo("/")).inScenario("throttled").whenScenarioStateIs("calm")
                .willReturn(okJson("{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"900619746936498440^0\",\"RequestId\":\"r2\"}")));

        Delivery delivery = outbox.send(citizen(phone), "律师已回复。", Purpose.PUSH, Optional.empty());

        assertThat(delivery.isSent()).isTrue();
        assertThat(AliyunStub.sendsTo(phone)).hasSize(2);
    }

    @Test
    void aLongReplyGoesOutInPartsOfAtMostSixtySevenCharacters() {
        String reply = "劳动者可以向劳动保障监察机构投诉，也可以向劳动争议仲裁委员会申请仲裁。".repeat(3);

        Delivery delivery = outbox.send(citizen(phone), reply, Purpose.PUSH, Optional.empty());

        assertThat(delivery.isSent()).isTrue();
        List<String> parts = AliyunStub.sendsTo(phone).stream().map(call -> call.get("TemplateParam")).toList();
        // 108 characters: two sentences of 36 would make 72, over a part's 67, so each goes alone
        assertThat(parts).hasSize(3);
        assertThat(parts).allSatisfy(param -> assertThat(param.length() - "{\"content\":\"\"}".length()).isLessThanOrEqualTo(67));
        assertThat(String.join("", parts.stream().map(p -> p.substring(12, p.length() - 2)).toList())).isEqualTo(reply);
    }

    @Test
    void aMessageWhoseInstanceDiedAfterTheAcknowledgementIsAnsweredByTheReconciler() {
        // claimed as a push claims it, a lease and more ago, and never answered: the instance died
        ChannelIdentity citizen = citizen(phone);
        String kept = "{\"kind\":\"text\",\"item\":" + message(phone, "借钱不还怎么起诉", "5001", Optional.empty()) + "}";
        claims.claim(citizen, "mo:5001", SmsInbound.MESSAGE, Optional.of(kept), Instant.now().minus(Duration.ofMinutes(10)));

        reconciler.reconcile();

        await().atMost(Duration.ofSeconds(10)).until(() -> AliyunStub.sendsTo(phone).size() == 1);
        assertThat(AliyunStub.sendsTo(phone).get(0).get("TemplateParam")).contains("借钱不还怎么起诉");
        assertThat(conversations.receivedFrom(phone)).hasSize(1);
    }

    @Test
    void noLogLineHoldsAFullPhoneNumber(CapturedOutput output) throws Exception {
        push("inbound", "[" + message(phone, "TD", "6001", Optional.empty()) + "," + message(phone, "工资", "6002", Optional.empty()) + "]",
                TOKEN);
        await().atMost(Duration.ofSeconds(10)).until(() -> AliyunStub.sendsTo(phone).size() == 2);
        answerEverySendWith(200, "isv.MOBILE_NUMBER_ILLEGAL", "非法手机号 " + phone);
        outbox.send(citizen(phone), "律师已回复。", Purpose.PUSH, Optional.empty());

        assertThat(output.getAll()).contains("13****");
        assertThat(FULL_MOBILE_NUMBER.matcher(output.getAll()).find()).as("an 11-digit mobile number in the log").isFalse();
    }

    private static ChannelIdentity citizen(String phone) {
        return SmsInbound.citizen("default", new MobileNumber(phone));
    }

    /** An MO item as the platform pushes it; {@code sequenceId} is written as given (a number, or a quoted string). */
    private static String message(String phone, String content, String sequenceId, Optional<String> signName) {
        return "{\"phone_number\":\"" + phone + "\",\"send_time\":\"2026-12-04 12:00:00\",\"content\":\"" + content + "\","
                + signName.map(name -> "\"sign_name\":\"" + name + "\",").orElse("")
                + "\"dest_code\":\"1234\",\"sequence_id\":" + sequenceId + "}";
    }

    private static String receipt(String phone, String bizId, boolean success, String errCode, String errMsg) {
        return "{\"phone_number\":\"" + phone + "\",\"send_time\":\"2026-12-04 12:00:00\",\"report_time\":\"2026-12-04 12:00:05\","
                + "\"success\":" + success + ",\"err_code\":\"" + errCode + "\",\"err_msg\":\"" + errMsg + "\",\"sms_size\":\"1\","
                + "\"biz_id\":\"" + bizId + "\",\"out_id\":\"1\"}";
    }

    private HttpResponse<String> push(String path, String body, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path, token)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI url(String path, String token) {
        return URI.create("http://127.0.0.1:" + port + "/sms/default/" + path + (token == null ? "" : "?token=" + token));
    }

    private static void answerEverySendWith(int status, String code, String message) {
        AliyunStub.SERVER.resetAll();
        AliyunStub.SERVER.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Code\":\"" + code + "\",\"Message\":\"" + message + "\",\"RequestId\":\"r\"}")));
    }

    private static String signatureOf(Map<String, String> call) {
        TreeMap<String, String> signed = new TreeMap<>(call);
        signed.remove("Signature");
        return AliyunSignature.sign("POST", signed, "test-secret-of-the-key");
    }

    private String bizIdOf(Delivery delivery) {
        return jdbc.sql("select platform_id from outbound_part where message_id = :id").param("id", delivery.messageId())
                .query(String.class).single();
    }

    private String stateOf(Delivery delivery) {
        return jdbc.sql("select state from outbound_part where message_id = :id").param("id", delivery.messageId())
                .query(String.class).single();
    }

    private String reasonOf(Delivery delivery) {
        return jdbc.sql("select reason from outbound_part where message_id = :id").param("id", delivery.messageId())
                .query(String.class).single();
    }

    private int claimsOf(String phone) {
        return jdbc.sql("select count(*) from inbound_claim where channel = 'sms' and citizen_id = :phone").param("phone", phone)
                .query(Integer.class).single();
    }

    private int receiptClaims(String phone) {
        return jdbc.sql("select count(*) from inbound_claim where channel = 'sms' and citizen_id = :phone and kind = 'receipt'")
                .param("phone", phone).query(Integer.class).single();
    }
}
