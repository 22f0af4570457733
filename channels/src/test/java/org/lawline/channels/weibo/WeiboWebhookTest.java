package org.lawline.channels.weibo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.channels.ScriptedConversations;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.Reply;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.EventId;
import org.lawline.conversation.ReplyComposed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook driven as Weibo's servers drive it, over HTTP, with reply.json played by WireMock:
 * passive replies, late answers through reply.json, repeats, unfollows and every refusal.
 */
@SpringBootTest(classes = WeiboTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lawline.weibo.accounts.default.app-key=1234567890",
        "lawline.weibo.accounts.default.app-secret=" + WeiboWebhookTest.APP_SECRET,
        "lawline.weibo.accounts.default.access-token=" + WeiboStub.ACCESS_TOKEN,
        "lawline.weibo.accounts.default.uid=" + WeiboWebhookTest.ACCOUNT_UID,
        "lawline.weibo.reply-budget=1s"})
class WeiboWebhookTest {

    static final String APP_SECRET = "weibo-app-secret-1";
    static final String ACCOUNT_UID = "5890124467";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void weiboStub(DynamicPropertyRegistry registry) {
        registry.add("lawline.weibo.accounts.default.api-base-url", WeiboStub::baseUrl);
    }

    @Autowired ScriptedConversations conversations;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @LocalServerPort int port;

    private WeiboServers weibo;
    private String follower;

    @BeforeEach
    void freshFollower() {
        conversations.reset();
        WeiboStub.reset();
        weibo = new WeiboServers(port, "default", APP_SECRET);
        follower = Long.toString(1_000_000_000L + ThreadLocalRandom.current().nextLong(8_000_000_000L));
    }

    @Test
    void urlVerificationSignedWithTheAppSecretEchoesTheEchostr() throws Exception {
        HttpResponse<String> response = weibo.verify(weibo.signedNow() + "&echostr=weibo4711");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("weibo4711");
    }

    @Test
    void urlVerificationSignedWithAnotherSecretIsRefused() throws Exception {
        HttpResponse<String> response = weibo.verify(WeiboServers.signedQuery("not-the-secret", System.currentTimeMillis()) + "&echostr=weibo4711");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("weibo4711");
    }

    @Test
    void aTextIsAnsweredPassivelyInTheResponseWithItsDataUrlEncoded() throws Exception {
        HttpResponse<String> response = weibo.push(WeiboServers.text(follower, ACCOUNT_UID, Instant.now(), "老板拖欠工资怎么办"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode reply = JSON.readTree(response.body());
        assertThat(reply.get("result").asBoolean()).isTrue();
        assertThat(reply.get("sender_id").asString()).isEqualTo(ACCOUNT_UID);
        assertThat(reply.get("receiver_id").asString()).isEqualTo(follower);
        assertThat(reply.get("type").asString()).isEqualTo("text");
        JsonNode data = JSON.readTree(URLDecoder.decode(reply.get("data").asString(), StandardCharsets.UTF_8));
        assertThat(data.get("text").asString()).isEqualTo("您问的是：老板拖欠工资怎么办");
        assertThat(conversations.receivedFrom(follower)).singleElement()
                .satisfies(message -> assertThat(message.from()).isEqualTo(new ChannelIdentity(Channel.WEIBO, "default", follower)));
        assertThat(WeiboStub.repliesTo(follower)).isEmpty();
    }

    @Test
    void anAnswerLaterThanTheBudgetIsAcknowledgedEmptyAndSentThroughReplyJson() throws Exception {
        conversations.slowDownBy(Duration.ofMillis(1800));

        HttpResponse<String> response = weibo.push(WeiboServers.text(follower, ACCOUNT_UID, Instant.now(), "试用期被辞退有补偿吗"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> WeiboStub.repliesTo(follower).size() == 1);
        var sent = WeiboStub.repliesTo(follower).get(0);
        assertThat(WeiboStub.form(sent, "access_token")).isEqualTo(WeiboStub.ACCESS_TOKEN);
        assertThat(WeiboStub.form(sent, "type")).isEqualTo("text");
        assertThat(WeiboStub.textOf(sent)).isEqualTo("您问的是：试用期被辞退有补偿吗");
        assertThat(sent.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        await().atMost(Duration.ofSeconds(5)).until(() -> partStates().equals(List.of("SENT")));
    }

    @Test
    void aPushRepeatedWhileItIsStillBeingAnsweredAndAfterIsAnsweredOnce() throws Exception {
        conversations.slowDownBy(Duration.ofMillis(1800));
        String push = WeiboServers.text(follower, ACCOUNT_UID, Instant.now(), "借钱不还怎么起诉");

        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> quietly(push));
        Thread.sleep(300);
        HttpResponse<String> whileAnswering = weibo.push(push);
        HttpResponse<String> original = first.get();
        await().atMost(Duration.ofSeconds(10)).until(() -> WeiboStub.repliesTo(follower).size() == 1);
        HttpResponse<String> afterwards = weibo.push(push);

        assertThat(whileAnswering.statusCode()).isEqualTo(200);
        assertThat(whileAnswering.body()).isEmpty();
        assertThat(original.body()).isEmpty();
        assertThat(afterwards.statusCode()).isEqualTo(200);
        assertThat(afterwards.body()).isEmpty();
        assertThat(conversations.receivedFrom(follower)).hasSize(1);
        Thread.sleep(500);
        assertThat(WeiboStub.repliesTo(follower)).hasSize(1);
    }

    @Test
    void aPassiveAnswerIsNotRepeatedToARepeatedPush() throws Exception {
        String push = WeiboServers.text(follower, ACCOUNT_UID, Instant.now(), "离婚后孩子跟谁");

        HttpResponse<String> first = weibo.push(push);
        HttpResponse<String> repeat = weibo.push(push);

        assertThat(first.body()).contains("result");
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(repeat.body()).isEmpty();
        assertThat(conversations.receivedFrom(follower)).hasSize(1);
        assertThat(WeiboStub.repliesTo(follower)).isEmpty();
    }

    @Test
    void twoDifferentMessagesOfTheSameSecondAreBothAnswered() throws Exception {
        Instant second = Instant.now();

        HttpResponse<String> one = weibo.push(WeiboServers.text(follower, ACCOUNT_UID, second, "工伤怎么认定"));
        HttpResponse<String> two = weibo.push(WeiboServers.text(follower, ACCOUNT_UID, second, "工伤赔偿标准"));

        assertThat(one.body()).contains("result");
        assertThat(two.body()).contains("result");
        assertThat(conversations.receivedTexts()).containsExactly("工伤怎么认定", "工伤赔偿标准");
    }

    @Test
    void anAnswerLongerThanOneMessageGoesPassivelyInPartsUnderThreeHundredCharacters() throws Exception {
        String sentence = "根据劳动合同法的规定，用人单位应当按时足额支付劳动报酬。";
        String longAnswer = sentence.repeat(20);
        conversations.answerWith(message -> new Reply.Answer(longAnswer, DialogState.BOT, "ll-wage-001", 0.9, List.of()));

        HttpResponse<String> response = weibo.push(WeiboServers.text(follower, ACCOUNT_UID, Instant.now(), "拖欠工资"));

        String passive = JSON.readTree(URLDecoder.decode(JSON.readTree(response.body()).get("data").asString(), StandardCharsets.UTF_8))
                .get("text").asString();
        assertThat(passive.codePointCount(0, passive.length())).isLessThan(300);
        await().atMost(Duration.ofSeconds(10)).until(() -> !WeiboStub.repliesTo(follower).isEmpty());
        StringBuilder whole = new StringBuilder(passive);
        for (var part : WeiboStub.repliesTo(follower)) {
            String text = WeiboStub.textOf(part);
            assertThat(text.codePointCount(0, text.length())).isLessThan(300);
            whole.append(text);
        }
        assertThat(whole.toString().replace("\n", "")).isEqualTo(longAnswer);
    }

    @Test
    void aFollowIsWelcomedAndTheFollowerRecordedAsSubscriber() throws Exception {
        HttpResponse<String> response = weibo.push(WeiboServers.event(follower, ACCOUNT_UID, Instant.now(), "follow", ""));

        assertThat(passiveText(response)).contains("感谢关注12348法律服务").contains("人工").contains("常见问题");
        assertThat(subscribed()).contains(true);
    }

    @Test
    void afterAnUnfollowNothingIsSentNotEvenALawyersReply() throws Exception {
        weibo.push(WeiboServers.text(follower, ACCOUNT_UID, Instant.now().minusSeconds(5), "我要找律师"));

        HttpResponse<String> unfollow = weibo.push(WeiboServers.event(follower, ACCOUNT_UID, Instant.now(), "unfollow", ""));
        // the unfollow is applied on a Weibo worker, and the webhook answers empty also when its 1 s budget
        // ran out before the worker finished: the lawyer writes once it has been applied
        await().atMost(Duration.ofSeconds(10)).until(() -> subscribed().equals(Optional.of(false)));
        events.publishEvent(new ReplyComposed(EventId.next(), ConversationId.next(), identity(), Optional.empty(),
                new Reply.Handoff("律师：您好，我是值班律师王律师。", DialogState.WITH_LAWYER), Instant.now()));

        assertThat(unfollow.statusCode()).isEqualTo(200);
        assertThat(unfollow.body()).isEmpty();
        assertThat(subscribed()).contains(false);
        await().atMost(Duration.ofSeconds(5)).until(() -> partStates().equals(List.of("NOT_DELIVERED")));
        assertThat(reasons()).singleElement().asString().contains("unfollowed");
        assertThat(WeiboStub.repliesTo(follower)).isEmpty();
    }

    @Test
    void aLawyersReplyWithinTheWindowLeavesThroughReplyJson() throws Exception {
        weibo.push(WeiboServers.text(follower, ACCOUNT_UID, Instant.now(), "我要找律师"));

        events.publishEvent(new ReplyComposed(EventId.next(), ConversationId.next(), identity(), Optional.empty(),
                new Reply.Handoff("律师：您好，我是值班律师王律师。", DialogState.WITH_LAWYER), Instant.now()));

        await().atMost(Duration.ofSeconds(10)).until(() -> WeiboStub.repliesTo(follower).size() == 1);
        assertThat(WeiboStub.textOf(WeiboStub.repliesTo(follower).get(0))).isEqualTo("律师：您好，我是值班律师王律师。");
    }

    @Test
    void withoutAnyActionOfTheFollowerNothingIsSentAndTheRefusalIsRecorded() {
        events.publishEvent(new ReplyComposed(EventId.next(), ConversationId.next(), identity(), Optional.empty(),
                new Reply.Handoff("律师：您好。", DialogState.WITH_LAWYER), Instant.now()));

        await().atMost(Duration.ofSeconds(5)).until(() -> partStates().equals(List.of("NOT_DELIVERED")));
        assertThat(reasons()).singleElement().asString().contains("the follower has to write again").contains("48-hour");
        assertThat(WeiboStub.repliesTo(follower)).isEmpty();
    }

    @Test
    void aMentionGetsOneReplyAndNoSecond() throws Exception {
        String mention = WeiboServers.of("mention", follower, ACCOUNT_UID, Instant.now(), "@12348法律服务 公司不交社保怎么办",
                "{\"subtype\":\"status\",\"key\":\"4182746302817000\"}");

        HttpResponse<String> response = weibo.push(mention);
        events.publishEvent(new ReplyComposed(EventId.next(), ConversationId.next(), identity(), Optional.empty(),
                new Reply.Handoff("律师：还有什么可以帮您？", DialogState.WITH_LAWYER), Instant.now()));

        assertThat(passiveText(response)).startsWith("您问的是：");
        await().atMost(Duration.ofSeconds(5)).until(() -> partStates().equals(List.of("NOT_DELIVERED")));
        assertThat(reasons()).singleElement().asString().contains("mention");
        assertThat(WeiboStub.repliesTo(follower)).isEmpty();
    }

    @Test
    void aMenuClickOnFindALawyerAsksTheEngineForAPerson() throws Exception {
        weibo.push(WeiboServers.event(follower, ACCOUNT_UID, Instant.now(), "click", "LAWLINE_LAWYER"));

        // the engine is asked on a Weibo worker; the webhook stops waiting for it after its 1 s budget
        await().atMost(Duration.ofSeconds(10)).until(() -> !conversations.receivedFrom(follower).isEmpty());
        assertThat(conversations.receivedFrom(follower)).singleElement()
                .satisfies(message -> assertThat(message.text()).isEqualTo("转人工"));
    }

    @Test
    void aMenuClickOnCommonQuestionsListsExamples() throws Exception {
        HttpResponse<String> response = weibo.push(WeiboServers.event(follower, ACCOUNT_UID, Instant.now(), "click", "常见问题"));

        assertThat(passiveText(response)).contains("公司拖欠工资怎么办");
        assertThat(conversations.receivedFrom(follower)).isEmpty();
    }

    @Test
    void aPositionIsAnsweredWithTheNearestOffices() throws Exception {
        HttpResponse<String> response = weibo.push(WeiboServers.position(follower, ACCOUNT_UID, Instant.now(), 120.1551, 30.2741));

        assertThat(passiveText(response)).startsWith("离您最近的法律服务机构").contains("杭州市").contains("距离：约");
    }

    @Test
    void voiceAndImagesAreAskedToBeWritten() throws Exception {
        HttpResponse<String> voice = weibo.push(WeiboServers.of("voice", follower, ACCOUNT_UID, Instant.now(), "",
                "{\"vfid\":821804459,\"tovfid\":821804469}"));
        HttpResponse<String> image = weibo.push(WeiboServers.of("image", follower, ACCOUNT_UID, Instant.now().plusSeconds(1), "",
                "{\"vfid\":821804451,\"tovfid\":821804461}"));

        assertThat(passiveText(voice)).contains("请用文字描述");
        assertThat(passiveText(image)).contains("请用文字描述");
        assertThat(conversations.receivedFrom(follower)).isEmpty();
    }

    @Test
    void aPushOfAnUnknownTypeIsAcknowledgedAndRecordedButNotAnswered() throws Exception {
        HttpResponse<String> response = weibo.push(WeiboServers.of("sticker", follower, ACCOUNT_UID, Instant.now(), "", "{}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(jdbc.sql("select kind from inbound_claim where channel = 'weibo' and citizen_id = :uid").param("uid", follower)
                .query(String.class).list()).containsExactly("unknown:sticker");
        assertThat(conversations.receivedFrom(follower)).isEmpty();
    }

    @Test
    void aPushWithABadSignatureIsRefusedUnanswered() throws Exception {
        HttpResponse<String> response = weibo.push(WeiboServers.signedQuery("forged-secret", System.currentTimeMillis()),
                WeiboServers.text(follower, ACCOUNT_UID, Instant.now(), "老板拖欠工资怎么办"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(conversations.receivedFrom(follower)).isEmpty();
    }

    @Test
    void aForgedPushIsRefusedBeforeItsBodyIsParsed() throws Exception {
        // not JSON at all: a parser that ran first would answer 400
        HttpResponse<String> forged = weibo.push(WeiboServers.signedQuery("forged-secret", System.currentTimeMillis()), "<xml>不是推送</xml>");
        HttpResponse<String> stale = weibo.push(WeiboServers.signedQuery(APP_SECRET, System.currentTimeMillis() - 3_600_000L), "<xml/>");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(stale.statusCode()).isEqualTo(403);
    }

    @Test
    void aPushSignedSixMinutesAgoIsRefused() throws Exception {
        long sixMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(6).toMillis();

        HttpResponse<String> response = weibo.push(WeiboServers.signedQuery(APP_SECRET, sixMinutesAgo),
                WeiboServers.text(follower, ACCOUNT_UID, Instant.now(), "老板拖欠工资怎么办"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(conversations.receivedFrom(follower)).isEmpty();
    }

    @Test
    void aPushWhoseTimestampIsInSecondsInsteadOfMillisecondsIsRefused() throws Exception {
        long seconds = Instant.now().getEpochSecond();

        HttpResponse<String> response = weibo.push(WeiboServers.signedQuery(APP_SECRET, seconds),
                WeiboServers.text(follower, ACCOUNT_UID, Instant.now(), "老板拖欠工资怎么办"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(conversations.receivedFrom(follower)).isEmpty();
    }

    @Test
    void aBodyOverSixtyFourKilobytesIsRefusedWithoutBeingParsed() throws Exception {
        String huge = WeiboServers.text(follower, ACCOUNT_UID, Instant.now(), "长".repeat(25_000));

        HttpResponse<String> response = weibo.push(huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(conversations.receivedFrom(follower)).isEmpty();
    }

    @Test
    void aChunkedBodyOverTheCapIsRefusedToo() throws Exception {
        byte[] huge = WeiboServers.text(follower, ACCOUNT_UID, Instant.now(), "长".repeat(25_000)).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = weibo.send(HttpRequest.newBuilder(URI.create(weibo.url(weibo.signedNow())))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(conversations.receivedFrom(follower)).isEmpty();
    }

    @Test
    void aBodyThatIsNotAPushIsABadRequest() throws Exception {
        assertThat(weibo.push("{\"type\":\"text\",\"sender_id\":").statusCode()).isEqualTo(400);
        assertThat(weibo.push("[1,2,3]").statusCode()).isEqualTo(400);
        assertThat(weibo.push("{\"type\":\"text\",\"sender_id\":\"abc\",\"receiver_id\":1,\"created_at\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(weibo.push(WeiboServers.position(follower, ACCOUNT_UID, Instant.now(), 500, 39.9)).statusCode()).isEqualTo(400);
        assertThat(conversations.receivedFrom(follower)).isEmpty();
    }

    @Test
    void anAccountThatIsNotConfiguredIsNotFound() throws Exception {
        WeiboServers county = new WeiboServers(port, "county-x", APP_SECRET);

        assertThat(county.push(WeiboServers.text(follower, ACCOUNT_UID, Instant.now(), "你好")).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> quietly(String push) {
        try {
            return weibo.push(push);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ChannelIdentity identity() {
        return new ChannelIdentity(Channel.WEIBO, "default", follower);
    }

    private static String passiveText(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode reply = JSON.readTree(response.body());
        return JSON.readTree(URLDecoder.decode(reply.get("data").asString(), StandardCharsets.UTF_8)).get("text").asString();
    }

    private List<String> partStates() {
        return jdbc.sql("select state from outbound_part where channel = 'weibo' and citizen_id = :uid order by id")
                .param("uid", follower).query(String.class).list();
    }

    private List<String> reasons() {
        return jdbc.sql("select reason from outbound_part where channel = 'weibo' and citizen_id = :uid order by id")
                .param("uid", follower).query(String.class).list();
    }

    private Optional<Boolean> subscribed() {
        return jdbc.sql("select subscribed from channel_subscriber where channel = 'weibo' and citizen_id = :uid")
                .param("uid", follower).query(Boolean.class).optional();
    }
}
