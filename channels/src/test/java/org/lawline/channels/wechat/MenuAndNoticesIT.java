package org.lawline.channels.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.channels.Notice;
import org.lawline.channels.NoticeSender;
import org.lawline.channels.ScriptedConversations;
import org.lawline.channels.SharedInfrastructure;
import org.lawline.channels.WeChatCallFailed;
import org.lawline.channels.delivery.ReplyWindows;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MenuAndNoticesIT {

    private static final String MENU = "/cgi-bin/menu/create";
    private static final String TEMPLATE = "/cgi-bin/message/template/send";
    private static final String SEND = "/cgi-bin/message/custom/send";

    private SharedInfrastructure shared;
    private WeChatInstance instance;
    private ChannelIdentity citizen;
    private ReplyWindows budget;

    @BeforeEach
    void start() throws Exception {
        WeChatStub.reset();
        shared = new SharedInfrastructure(SharedInfrastructure.Database.H2);
        instance = new WeChatInstance(shared, ScriptedConversations.echoing(e -> { }, java.time.Clock.systemUTC()), Map.of(
                "lawline.wechat.accounts.default.app-id", "wxnotice000000001",
                "lawline.wechat.accounts.default.secret", "notice-secret",
                "lawline.wechat.accounts.default.token", "noticetoken",
                "lawline.wechat.accounts.default.api-base-url", WeChatStub.baseUrl(),
                "lawline.wechat.accounts.default.templates.callback-confirmed", "TPL-CALLBACK",
                "lawline.wechat.accounts.default.menu-url", "https://lawline.example/chat",
                "lawline.wechat.key-prefix", shared.keyPrefix));
        citizen = new ChannelIdentity(Channel.WECHAT, "default", "oNotice" + shared.runId);
        budget = new ReplyWindows.InRedis(shared.redis, shared.keyPrefix, instance.settings.customerService().asWindowLimits());
    }

    @AfterEach
    void stop() throws Exception {
        instance.close();
        shared.close();
    }

    @Test
    void pushesLawLinesMenuWithThreeTopLevelButtons() {
        instance.menus.push("default");

        JsonNode menu = JsonMapper.builder().build().readTree(
                WeChatStub.SERVER.findAll(postRequestedFor(urlPathEqualTo(MENU))).get(0).getBodyAsString());
        JsonNode buttons = menu.path("button");
        assertThat(buttons.size()).isEqualTo(3);
        assertThat(buttons.get(0).path("name").asString()).isEqualTo("常见问题");
        assertThat(buttons.get(0).path("key").asString()).isEqualTo("LAWLINE_FAQ");
        assertThat(buttons.get(1).path("name").asString()).isEqualTo("找律师");
        JsonNode more = buttons.get(2).path("sub_button");
        assertThat(more.get(0).path("name").asString()).isEqualTo("法律援助");
        assertThat(more.get(1).path("name").asString()).isEqualTo("查询案件");
        assertThat(more.get(2).path("url").asString()).isEqualTo("https://lawline.example/chat");
        assertThat(instance.menus.accounts()).containsExactly("default");
    }

    @Test
    void aMenuWeChatRefusesFailsWithItsErrcode() {
        WeChatStub.SERVER.stubFor(post(urlPathEqualTo(MENU)).willReturn(okJson("{\"errcode\":40018,\"errmsg\":\"invalid button name size\"}")));
        assertThatThrownBy(() -> instance.menus.push("default"))
                .isInstanceOf(WeChatCallFailed.class)
                .hasMessageContaining("40018")
                .satisfies(e -> assertThat(((WeChatCallFailed) e).errcode()).isEqualTo(40018));
    }

    @Test
    void aMenuForAnAccountNotConfiguredFails() {
        assertThatThrownBy(() -> instance.menus.push("county-b")).isInstanceOf(WeChatCallFailed.class).hasMessageContaining("county-b");
    }

    @Test
    void aNoticeWithinTheWindowIsAChatMessage() {
        budget.citizenWrote(citizen, Instant.now());
        assertThat(instance.notices.send(callbackNotice()).outcome()).isEqualTo(NoticeSender.Outcome.SENT);
        WeChatStub.SERVER.verify(1, postRequestedFor(urlPathEqualTo(SEND)));
        WeChatStub.SERVER.verify(0, postRequestedFor(urlPathEqualTo(TEMPLATE)));
    }

    @Test
    void aNoticeOutsideTheWindowFallsBackToTheTemplateAndWeChatsReportSettlesIt() {
        assertThat(instance.notices.send(callbackNotice()).outcome()).isEqualTo(NoticeSender.Outcome.SENT_AS_TEMPLATE);

        JsonNode sent = JsonMapper.builder().build().readTree(
                WeChatStub.SERVER.findAll(postRequestedFor(urlPathEqualTo(TEMPLATE))).get(0).getBodyAsString());
        assertThat(sent.path("template_id").asString()).isEqualTo("TPL-CALLBACK");
        assertThat(sent.path("touser").asString()).isEqualTo(citizen.citizenId());
        assertThat(sent.path("data").path("keyword1").path("value").asString()).isEqualTo("今天 15:00 前");
        WeChatStub.SERVER.verify(0, postRequestedFor(urlPathEqualTo(SEND)));
        assertThat(noticeState()).isEqualTo("SENT");

        instance.reports.jobFinished("default", Inbound.EventType.TEMPLATE_SENT, "200228332", "failed:user block", Instant.now());
        assertThat(noticeState()).isEqualTo("NOT_DELIVERED");
    }

    @Test
    void aFollowerWhoLeftGetsNoNotice() {
        instance.subscribers.unsubscribed(citizen, Instant.now());
        assertThat(instance.notices.send(callbackNotice()).outcome()).isEqualTo(NoticeSender.Outcome.UNSUBSCRIBED);
        WeChatStub.SERVER.verify(0, postRequestedFor(urlPathEqualTo(SEND)));
        WeChatStub.SERVER.verify(0, postRequestedFor(urlPathEqualTo(TEMPLATE)));
    }

    @Test
    void aNoticeWithoutATemplateOutsideTheWindowIsRecordedUndelivered() {
        Notice progress = new Notice(citizen, Notice.Kind.CASE_PROGRESS, "您的法律援助申请已受理。", Map.of());
        NoticeSender.Result result = instance.notices.send(progress);
        assertThat(result.outcome()).isEqualTo(NoticeSender.Outcome.NOT_DELIVERED);
        assertThat(result.reason()).get().asString().contains("the citizen has to write again");
        assertThat(instance.jdbc.sql("select reason from outbound_part where citizen_id = :c").param("c", citizen.citizenId())
                .query(String.class).list()).singleElement().asString().contains("the citizen has to write again");
    }

    @Test
    void aNoticeForAChannelWithoutAPlatformHereSaysWhyInsteadOfThrowing() {
        ChannelIdentity texter = new ChannelIdentity(Channel.SMS, "12348", "13800138000");
        NoticeSender.Result result = instance.notices.send(new Notice(texter, Notice.Kind.CASE_PROGRESS, "您的法律援助申请已受理。", Map.of()));

        assertThat(result.outcome()).isEqualTo(NoticeSender.Outcome.NOT_DELIVERED);
        assertThat(result.reason()).get().asString().contains("sms");
        WeChatStub.SERVER.verify(0, postRequestedFor(urlPathEqualTo(SEND)));
    }

    private Notice callbackNotice() {
        return new Notice(citizen, Notice.Kind.CALLBACK_CONFIRMED, "12348热线将于今天15:00前给您回电。",
                Map.of("first", "回拨已安排", "keyword1", "今天 15:00 前", "remark", "请保持电话畅通"));
    }

    private String noticeState() {
        return instance.jdbc.sql("select state from outbound_part where citizen_id = :c and purpose = 'NOTICE'")
                .param("c", citizen.citizenId()).query(String.class).single();
    }
}
