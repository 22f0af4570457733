package org.lawline.channels.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.channels.ScriptedConversations;
import org.lawline.channels.SharedInfrastructure;
import org.lawline.channels.delivery.ClaimStatus;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.springframework.http.ResponseEntity;

/**
 * A reply later than the webhook's budget, while the channel's bounded worker pool is full when
 * the engine finishes: the answer still leaves, once, and the claim is closed (real Redis and
 * PostgreSQL, WeChat's API stubbed).
 */
class LateAnswerWithABusyPoolIT {

    private static final String SEND = "/cgi-bin/message/custom/send";
    private static final String TOKEN = "busytoken";

    private SharedInfrastructure shared;
    private WeChatInstance instance;
    private ScriptedConversations engine;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        WeChatStub.reset();
        shared = new SharedInfrastructure(SharedInfrastructure.Database.POSTGRES);
        engine = ScriptedConversations.echoing(e -> { }, Clock.systemUTC());
        engine.slowDownBy(Duration.ofMillis(1500));
        // one worker and room for one waiting task: the smallest pool that can be full
        ThreadPoolExecutor workers = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1));
        instance = new WeChatInstance(shared, engine, Map.of(
                "lawline.wechat.accounts.default.app-id", "wxbusy000000000001",
                "lawline.wechat.accounts.default.secret", "busy-secret",
                "lawline.wechat.accounts.default.token", TOKEN,
                "lawline.wechat.accounts.default.api-base-url", WeChatStub.baseUrl(),
                "lawline.wechat.key-prefix", shared.keyPrefix + "wechat:",
                "lawline.delivery.key-prefix", shared.keyPrefix + "delivery:",
                "lawline.wechat.reply-budget", "200ms"), workers);
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        instance.close();
        shared.close();
    }

    @Test
    void aLateAnswerLeavesEvenWhenThePoolIsFullAsTheEngineFinishes() throws Exception {
        String openid = "oBusy" + shared.runId;
        ResponseEntity<String> webhook = instance.post("default", WebhookCalls.signedQuery(TOKEN, Instant.now()),
                WebhookCalls.text("gh_busy", openid, 7_700_000_001L, "老板拖欠工资怎么办", Instant.now()));
        assertThat(webhook.getBody()).as("answered nothing at once").isEqualTo("success");

        // While the engine still works on the only worker, other work fills the queue.
        instance.workers.execute(this::waitForTheEnd);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> WeChatStub.SERVER.verify(1, postRequestedFor(urlPathEqualTo(SEND))
                .withRequestBody(matchingJsonPath("$.touser", containing(openid)))
                .withRequestBody(matchingJsonPath("$.text.content", containing("老板拖欠工资怎么办")))));
        assertThat(instance.claims.statusOf(new ChannelIdentity(Channel.WECHAT, "default", openid), "msg:7700000001"))
                .contains(ClaimStatus.ANSWERED_LATER);
    }

    private void waitForTheEnd() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
