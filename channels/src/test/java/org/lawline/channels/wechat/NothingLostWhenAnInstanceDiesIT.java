package org.lawline.channels.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawline.channels.SharedInfrastructure;
import org.lawline.channels.delivery.ClaimStatus;
import org.lawline.channels.delivery.PartState;
import org.lawline.channels.delivery.Purpose;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.knowledge.BundledKnowledge;
import org.lawline.knowledge.FaqIndex;
import org.lawline.knowledge.KnowledgeWiring;

/**
 * Work an instance left unfinished when it died, found by the other two instances' reconcilers,
 * which both look every second: each piece is done exactly once, by one of them. The dead
 * instance is played by rows as it would have left them, dated past the lease (2 minutes).
 */
class NothingLostWhenAnInstanceDiesIT {

    private static final String CUSTOM_SEND = "/cgi-bin/message/custom/send";
    private static final Duration PAST_THE_LEASE = Duration.ofMinutes(3);

    private static FaqIndex index;

    private final ApplicationInstance.EngineReplies engine = new ApplicationInstance.EngineReplies();
    private SharedInfrastructure shared;
    private ApplicationInstance first;
    private ApplicationInstance second;

    @TempDir
    Path journals;

    @BeforeAll
    static void buildTheKnowledgeBase() {
        index = KnowledgeWiring.keywordFaqIndex();
        index.replaceAll(BundledKnowledge.faqEntries());
    }

    @AfterAll
    static void closeTheKnowledgeBase() {
        index.close();
    }

    @BeforeEach
    void startTwoSurvivingInstances() throws Exception {
        WeChatStub.reset();
        shared = new SharedInfrastructure(SharedInfrastructure.Database.POSTGRES);
        ApplicationInstance.SlowKnowledge knowledge = new ApplicationInstance.SlowKnowledge(index);
        Map<String, String> settings = Map.of("lawline.delivery.reconcile-every", "1s");
        first = new ApplicationInstance(shared, knowledge, engine, journals.resolve("first"), settings);
        second = new ApplicationInstance(shared, knowledge, engine, journals.resolve("second"), settings);
    }

    @AfterEach
    void stopThem() throws Exception {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        if (shared != null) {
            shared.close();
        }
    }

    @Test
    void aClaimLeftAnsweringByAnInstanceThatDiedIsAnsweredOnceAsACustomerServiceMessage() {
        String openid = "oDied" + shared.runId;
        long msgId = msgId();
        Instant died = Instant.now().minus(PAST_THE_LEASE);
        citizenWrote(openid, died);
        leftAnswering(openid, msgId, WebhookCalls.text("gh_died", openid, msgId, "老板拖欠工资三个月不发怎么办", died), died);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> WeChatStub.SERVER.verify(1, sendTo(openid)));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            WeChatStub.SERVER.verify(1, sendTo(openid));
            assertThat(engine.to(openid)).hasSize(1);
        });
        WeChatStub.SERVER.verify(1, sendTo(openid).withRequestBody(matchingJsonPath("$.text.content", containing("工资"))));
        assertThat(first.jdbc.sql("select status from inbound_claim where citizen_id = :c").param("c", openid)
                .query(String.class).single()).isEqualTo(ClaimStatus.ANSWERED_LATER.name());
        assertThat(first.jdbc.sql("select count(*) from inbound_claim where citizen_id = :c and payload is not null")
                .param("c", openid).query(Integer.class).single()).as("the message is not kept once answered").isZero();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                first.jdbc.sql("select state from outbound_part where citizen_id = :c and in_reply_to = :k")
                        .param("c", openid).param("k", "msg:" + msgId).query(String.class).list()).containsOnly("SENT"));
    }

    @Test
    void aMessageLeftSendingIsSentAgainOnceByOneInstance() {
        String openid = "oQueued" + shared.runId;
        Instant queued = Instant.now().minus(PAST_THE_LEASE);
        citizenWrote(openid, queued);
        leftInOutbox(openid, "值班律师：请带上劳动合同和工资条来所里面谈。", PartState.SENDING, queued);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> WeChatStub.SERVER.verify(1, sendTo(openid)
                .withRequestBody(matchingJsonPath("$.text.content", equalTo("值班律师：请带上劳动合同和工资条来所里面谈。")))));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                WeChatStub.SERVER.verify(1, sendTo(openid)));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(outboundStates(openid)).containsExactly("SENT"));
    }

    @Test
    void aMessageWhoseRetryingInstanceDiedTooIsRecordedAsFailedAndNeverSentTwice() {
        String openid = "oTwice" + shared.runId;
        Instant retried = Instant.now().minus(PAST_THE_LEASE);
        citizenWrote(openid, retried);
        leftInOutbox(openid, "值班律师：已为您登记回拨。", PartState.RETRYING, retried);

        await().atMost(Duration.ofSeconds(20)).until(() -> outboundStates(openid).equals(List.of("FAILED")));
        WeChatStub.SERVER.verify(0, sendTo(openid));
    }

    @Test
    void aClaimWhoseInstanceDiedBeforeNotingTheWindowIsStillAnswered() {
        String openid = "oEarly" + shared.runId;
        long msgId = msgId();
        Instant died = Instant.now().minus(PAST_THE_LEASE);
        leftAnswering(openid, msgId, WebhookCalls.text("gh_died", openid, msgId, "老板拖欠工资三个月不发怎么办", died), died);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> WeChatStub.SERVER.verify(1, sendTo(openid)));
        // the row is marked SENT just after WeChat's API answered
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(outboundStates(openid)).containsExactly("SENT"));
    }

    @Test
    void aClaimOlderThanWeChatsWindowIsClosedWithoutAskingTheEngine() {
        String openid = "oLate" + shared.runId;
        long msgId = msgId();
        Instant longAgo = Instant.now().minus(Duration.ofHours(49));
        leftAnswering(openid, msgId, WebhookCalls.text("gh_late", openid, msgId, "老板拖欠工资三个月不发怎么办", longAgo), longAgo);

        await().atMost(Duration.ofSeconds(20)).until(() -> first.jdbc.sql("select status from inbound_claim where citizen_id = :c")
                .param("c", openid).query(String.class).single().equals(ClaimStatus.ANSWERED_LATER.name()));
        assertThat(engine.to(openid)).isEmpty();
        WeChatStub.SERVER.verify(0, sendTo(openid));
    }

    /** The dead instance had noted the citizen's message: the customer-service window is open. */
    private void citizenWrote(String openid, Instant at) {
        first.bean(WeChatWindows.class).windows().citizenWrote(new ChannelIdentity(Channel.WECHAT, "default", openid), at);
    }

    private void leftAnswering(String openid, long msgId, String message, Instant at) {
        first.jdbc.sql("""
                        insert into inbound_claim (channel, account, claim_key, citizen_id, kind, status, version, payload, received_at, updated_at)
                        values ('wechat', 'default', :key, :citizen, 'text', :status, 0, :message, :at, :at)""")
                .param("key", "msg:" + msgId)
                .param("citizen", openid)
                .param("status", ClaimStatus.ANSWERING.name())
                .param("message", message)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    private void leftInOutbox(String openid, String text, PartState state, Instant at) {
        first.jdbc.sql("""
                        insert into outbound_part (message_id, channel, account, citizen_id, purpose, part_no, text, state, created_at, updated_at)
                        values (:message, 'wechat', 'default', :citizen, :purpose, 1, :text, :state, :at, :at)""")
                .param("message", UUID.randomUUID().toString())
                .param("citizen", openid)
                .param("purpose", Purpose.PUSH.name())
                .param("text", text)
                .param("state", state.name())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    private List<String> outboundStates(String openid) {
        return second.jdbc.sql("select state from outbound_part where citizen_id = :c order by id").param("c", openid)
                .query(String.class).list();
    }

    private static RequestPatternBuilder sendTo(String openid) {
        return postRequestedFor(urlPathEqualTo(CUSTOM_SEND)).withRequestBody(matchingJsonPath("$.touser", equalTo(openid)));
    }

    private static long msgId() {
        return 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }
}
