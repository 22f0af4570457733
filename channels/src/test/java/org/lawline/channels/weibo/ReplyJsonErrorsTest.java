package org.lawline.channels.weibo;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.channels.delivery.Delivery;
import org.lawline.channels.delivery.Outbox;
import org.lawline.channels.delivery.PartState;
import org.lawline.channels.delivery.Purpose;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What reply.json's error codes make of a message, through the real client against the stub: an
 * expired token fails it (nothing to refresh: the token is set by hand), a refusal for this
 * follower records it as not delivered, and neither is sent again.
 */
@SpringBootTest(classes = WeiboTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lawline.weibo.accounts.default.app-key=1234567890",
        "lawline.weibo.accounts.default.app-secret=" + WeiboWebhookTest.APP_SECRET,
        "lawline.weibo.accounts.default.access-token=" + WeiboStub.ACCESS_TOKEN,
        "lawline.weibo.accounts.default.uid=" + WeiboWebhookTest.ACCOUNT_UID,
        "lawline.weibo.reply-budget=1s"})
class ReplyJsonErrorsTest {

    @DynamicPropertySource
    static void weiboStub(DynamicPropertyRegistry registry) {
        registry.add("lawline.weibo.accounts.default.api-base-url", WeiboStub::baseUrl);
    }

    @Autowired Outbox outbox;
    @Autowired FollowerWindows windows;

    private ChannelIdentity follower;

    @BeforeEach
    void aFollowerWhoJustWrote() {
        WeiboStub.reset();
        follower = new ChannelIdentity(Channel.WEIBO, "default", Long.toString(3_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000L)));
        windows.acted(follower, Instant.now());
    }

    @Test
    void aMessageWeiboTakesIsSentWithItsId() {
        Delivery delivery = outbox.send(follower, "律师已回复您的咨询。", Purpose.PUSH, Optional.empty());

        assertThat(delivery.state()).isEqualTo(PartState.SENT);
        assertThat(WeiboStub.repliesTo(follower.citizenId())).singleElement()
                .satisfies(request -> assertThat(WeiboStub.textOf(request)).isEqualTo("律师已回复您的咨询。"))
                .satisfies(request -> assertThat(WeiboStub.form(request, "save_sender_box")).isEqualTo("1"));
    }

    @Test
    void anExpiredAccessTokenFailsTheMessageOnceAndNamesTheVariableToRenew() {
        WeiboStub.refuseWith(403, 21327, "expired_token");

        Delivery delivery = outbox.send(follower, "您的回拨已安排。", Purpose.PUSH, Optional.empty());

        assertThat(delivery.state()).isEqualTo(PartState.FAILED);
        assertThat(delivery.reason().orElseThrow()).contains("21327").contains("LAWLINE_WEIBO_ACCESS_TOKEN");
        WeiboStub.SERVER.verify(1, postRequestedFor(urlPathEqualTo(WeiboStub.REPLY)));
    }

    @Test
    void anInvalidAccessTokenFailsTheMessageToo() {
        WeiboStub.refuseWith(400, 21332, "invalid_access_token");

        Delivery delivery = outbox.send(follower, "您好。", Purpose.PUSH, Optional.empty());

        assertThat(delivery.state()).isEqualTo(PartState.FAILED);
        assertThat(delivery.reason().orElseThrow()).contains("21332");
    }

    @Test
    void weibosRefusalOutsideTheFollowersWindowIsRecordedNotDeliveredAndNotRetried() {
        // Weibo's error-code table: 10024 "User requests for (%s) out of rate limit", the follower's allowance of replies used up
        WeiboStub.refuseWith(400, 10024, "User requests for (/2/messages/reply.json) out of rate limit!");

        Delivery delivery = outbox.send(follower, "第一段。", Purpose.REPLY, Optional.of("push:1"));

        assertThat(delivery.state()).isEqualTo(PartState.NOT_DELIVERED);
        assertThat(delivery.reason().orElseThrow()).contains("the follower has to write again").contains("10024");
        WeiboStub.SERVER.verify(1, postRequestedFor(urlPathEqualTo(WeiboStub.REPLY)));
    }

    @Test
    void aDuplicateContentRefusalIsAFailureWithWeibosWordsNotAClosedWindow() {
        // Weibo's error-code table: 20017 "Repeated weibo text!" (你刚刚已经发送过相似内容了哦): nothing to do with the window
        WeiboStub.refuseWith(400, 20017, "Repeated weibo text!");

        Delivery delivery = outbox.send(follower, "您好。", Purpose.REPLY, Optional.of("push:2"));

        assertThat(delivery.state()).isEqualTo(PartState.FAILED);
        assertThat(delivery.reason().orElseThrow()).contains("20017").contains("Repeated weibo text").doesNotContain("write again");
        WeiboStub.SERVER.verify(1, postRequestedFor(urlPathEqualTo(WeiboStub.REPLY)));
    }

    @Test
    void aWindowThatClosedStopsUsBeforeWeiboWouldRefuse() {
        ChannelIdentity silent = new ChannelIdentity(Channel.WEIBO, "default", "4000000001");
        windows.acted(silent, Instant.now().minusSeconds(49 * 3600));

        Delivery delivery = outbox.send(silent, "您好。", Purpose.PUSH, Optional.empty());

        assertThat(delivery.state()).isEqualTo(PartState.NOT_DELIVERED);
        assertThat(delivery.reason().orElseThrow()).contains("48-hour window closed");
        assertThat(WeiboStub.repliesTo(silent.citizenId())).isEmpty();
    }

    @Test
    void anUnreachableWeiboFailsTheMessageWithoutTheToken() {
        WeiboStub.SERVER.resetAll();
        WeiboStub.SERVER.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(WeiboStub.REPLY))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        Delivery delivery = outbox.send(follower, "您好。", Purpose.PUSH, Optional.empty());

        assertThat(delivery.state()).isEqualTo(PartState.FAILED);
        assertThat(delivery.reason().orElseThrow()).contains("Weibo unreachable").doesNotContain(WeiboStub.ACCESS_TOKEN);
    }
}
