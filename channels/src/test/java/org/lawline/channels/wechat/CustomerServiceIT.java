package org.lawline.channels.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.channels.ScriptedConversations;
import org.lawline.channels.SharedInfrastructure;
import org.lawline.channels.delivery.Delivery;
import org.lawline.channels.delivery.PartState;
import org.lawline.channels.delivery.Purpose;
import org.lawline.channels.delivery.ReplyWindows;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Customer-service messages through WxJava's own client against the WeChat stub, with the token
 * and the allowances in the real Redis, shared by two instances.
 */
class CustomerServiceIT {

    private static final String SEND = "/cgi-bin/message/custom/send";
    private static final String TOKEN_URL = "/cgi-bin/token";

    private SharedInfrastructure shared;
    private WeChatInstance first;
    private WeChatInstance second;
    private ReplyWindows budget;
    private ChannelIdentity citizen;

    @BeforeEach
    void start() throws Exception {
        WeChatStub.reset();
        shared = new SharedInfrastructure(SharedInfrastructure.Database.H2);
        Map<String, String> properties = Map.of(
                "lawline.wechat.accounts.default.app-id", "wxcs00000000000001",
                "lawline.wechat.accounts.default.secret", "cs-secret",
                "lawline.wechat.accounts.default.token", "cstoken",
                "lawline.wechat.accounts.default.api-base-url", WeChatStub.baseUrl(),
                "lawline.wechat.key-prefix", shared.keyPrefix);
        first = new WeChatInstance(shared, ScriptedConversations.echoing(e -> { }, java.time.Clock.systemUTC()), properties);
        second = new WeChatInstance(shared, ScriptedConversations.echoing(e -> { }, java.time.Clock.systemUTC()), properties);
        budget = new ReplyWindows.InRedis(shared.redis, shared.keyPrefix, first.settings.customerService().asWindowLimits());
        citizen = new ChannelIdentity(Channel.WECHAT, "default", "oCs" + shared.runId);
    }

    @AfterEach
    void stop() throws Exception {
        first.close();
        second.close();
        shared.close();
    }

    @Test
    void outsideTheWindowWeChats45015IsRecordedUndeliveredAndNotRetried() {
        refuseSendsWith(45015, "response out of time limit or subscription is canceled");
        budget.citizenWrote(citizen, Instant.now());

        Delivery delivery = first.outbox.send(citizen, "律师已回复您的咨询。", Purpose.PUSH, Optional.empty());

        assertThat(delivery.state()).isEqualTo(PartState.NOT_DELIVERED);
        assertThat(delivery.reason().orElseThrow()).contains("the citizen has to write again").contains("45015");
        WeChatStub.SERVER.verify(1, postRequestedFor(urlPathEqualTo(SEND)));
        assertThat(states()).containsExactly("NOT_DELIVERED");
    }

    @Test
    void aSpentAllowanceWeChats45047IsRecordedUndeliveredAndNotRetried() {
        refuseSendsWith(45047, "out of response count limit");
        budget.citizenWrote(citizen, Instant.now());

        Delivery delivery = first.outbox.send(citizen, "第一段。", Purpose.REPLY, Optional.of("msg:1"));

        assertThat(delivery.state()).isEqualTo(PartState.NOT_DELIVERED);
        assertThat(delivery.reason().orElseThrow()).contains("45047");
        WeChatStub.SERVER.verify(1, postRequestedFor(urlPathEqualTo(SEND)));
    }

    @Test
    void aTokenThatExpiresMidSendIsRefreshedOnceAndTheMessageDeliveredOnce() {
        WeChatStub.SERVER.stubFor(get(urlPathEqualTo(TOKEN_URL)).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"access_token\":\"TOKEN-1\",\"expires_in\":7200}")).willSetStateTo("refreshed"));
        WeChatStub.SERVER.stubFor(get(urlPathEqualTo(TOKEN_URL)).inScenario("token").whenScenarioStateIs("refreshed")
                .willReturn(okJson("{\"access_token\":\"TOKEN-2\",\"expires_in\":7200}")));
        WeChatStub.SERVER.stubFor(post(urlPathEqualTo(SEND)).withQueryParam("access_token", equalTo("TOKEN-1"))
                .willReturn(okJson("{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid or not latest\"}")));
        WeChatStub.SERVER.stubFor(post(urlPathEqualTo(SEND)).withQueryParam("access_token", equalTo("TOKEN-2"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        budget.citizenWrote(citizen, Instant.now());

        Delivery delivery = first.outbox.send(citizen, "您的回拨已安排。", Purpose.PUSH, Optional.empty());

        assertThat(delivery.state()).isEqualTo(PartState.SENT);
        WeChatStub.SERVER.verify(2, getRequestedFor(urlPathEqualTo(TOKEN_URL)));
        WeChatStub.SERVER.verify(1, postRequestedFor(urlPathEqualTo(SEND)).withQueryParam("access_token", equalTo("TOKEN-2")));
        WeChatStub.SERVER.verify(2, postRequestedFor(urlPathEqualTo(SEND)));
        // The other instance uses the refreshed token without asking WeChat again.
        budget.citizenWrote(citizen, Instant.now());
        assertThat(second.outbox.send(citizen, "第二条。", Purpose.PUSH, Optional.empty()).state()).isEqualTo(PartState.SENT);
        WeChatStub.SERVER.verify(2, getRequestedFor(urlPathEqualTo(TOKEN_URL)));
    }

    @Test
    void aTokenRefusedAgainAfterItsRefreshFailsWithoutALoop() {
        refuseSendsWith(42001, "access_token expired");
        budget.citizenWrote(citizen, Instant.now());

        Delivery delivery = first.outbox.send(citizen, "您好。", Purpose.PUSH, Optional.empty());

        assertThat(delivery.state()).isEqualTo(PartState.FAILED);
        assertThat(delivery.reason().orElseThrow()).contains("42001");
        WeChatStub.SERVER.verify(2, postRequestedFor(urlPathEqualTo(SEND)));
        WeChatStub.SERVER.verify(2, getRequestedFor(urlPathEqualTo(TOKEN_URL)));
    }

    @Test
    void twoInstancesShareOneAccessToken() {
        budget.citizenWrote(citizen, Instant.now());
        assertThat(first.outbox.send(citizen, "一。", Purpose.PUSH, Optional.empty()).state()).isEqualTo(PartState.SENT);
        assertThat(second.outbox.send(citizen, "二。", Purpose.PUSH, Optional.empty()).state()).isEqualTo(PartState.SENT);
        WeChatStub.SERVER.verify(1, getRequestedFor(urlPathEqualTo(TOKEN_URL)));
    }

    @Test
    void theCitizensAllowanceStopsUsBeforeWeChatWouldRefuse() {
        budget.citizenWrote(citizen, Instant.now());
        for (int i = 0; i < 5; i++) {
            WeChatInstance instance = i % 2 == 0 ? first : second;
            assertThat(instance.outbox.send(citizen, "第" + i + "条。", Purpose.PUSH, Optional.empty()).state())
                    .isEqualTo(PartState.SENT);
        }
        Delivery sixth = first.outbox.send(citizen, "第六条。", Purpose.PUSH, Optional.empty());

        assertThat(sixth.state()).isEqualTo(PartState.NOT_DELIVERED);
        assertThat(sixth.reason().orElseThrow()).contains("the citizen has to write again");
        WeChatStub.SERVER.verify(5, postRequestedFor(urlPathEqualTo(SEND)));
    }

    @Test
    void nothingIsSentToACitizenWhoNeverWrote() {
        Delivery delivery = first.outbox.send(citizen, "您好。", Purpose.PUSH, Optional.empty());
        assertThat(delivery.state()).isEqualTo(PartState.NOT_DELIVERED);
        WeChatStub.SERVER.verify(0, postRequestedFor(urlPathEqualTo(SEND)));
    }

    @Test
    void aLongMessageLeavesInPartsWithinWeChatsLimitAtSentenceEnds() {
        budget.citizenWrote(citizen, Instant.now());
        String text = "用人单位未及时足额支付劳动报酬的，劳动者可以解除劳动合同，并要求支付经济补偿。".repeat(40);

        assertThat(first.outbox.send(citizen, text, Purpose.REPLY, Optional.of("msg:2")).state()).isEqualTo(PartState.SENT);

        List<LoggedRequest> sends = WeChatStub.SERVER.findAll(postRequestedFor(urlPathEqualTo(SEND)));
        assertThat(sends).hasSizeGreaterThan(1);
        StringBuilder joined = new StringBuilder();
        JsonMapper json = JsonMapper.builder().build();
        for (LoggedRequest send : sends) {
            String content = json.readTree(send.getBodyAsString()).path("text").path("content").asString();
            assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
            assertThat(content).endsWith("。");
            joined.append(content);
        }
        assertThat(joined.toString()).isEqualTo(text);
    }

    private void refuseSendsWith(int errcode, String errmsg) {
        WeChatStub.SERVER.stubFor(post(urlPathEqualTo(SEND))
                .willReturn(okJson("{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + "\"}")));
    }

    private List<String> states() {
        return first.jdbc.sql("select state from outbound_part where citizen_id = :c order by id")
                .param("c", citizen.citizenId()).query(String.class).list();
    }
}
