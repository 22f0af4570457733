package org.lawline.channels.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;

/**
 * WeChat's retries against two application instances that share Redis and the database: the same
 * MsgId four times, the first two overlapping, the engine slower than the reply budget. Exactly one
 * answer reaches the citizen and the engine is asked once. Run on H2 and on PostgreSQL.
 */
class RetryStormIT {

    private static final String TOKEN = "stormtoken";
    private static final ApplicationEventPublisher NO_EVENTS = event -> { };

    private final ExecutorService callers = Executors.newFixedThreadPool(4);
    private SharedInfrastructure shared;
    private WeChatInstance first;
    private WeChatInstance second;
    private ScriptedConversations engine;

    void start(SharedInfrastructure.Database database) throws Exception {
        shared = new SharedInfrastructure(database);
        engine = new ScriptedConversations(NO_EVENTS, java.time.Clock.systemUTC());
        Map<String, String> properties = Map.of(
                "lawline.wechat.accounts.default.app-id", "wxstorm0000000001",
                "lawline.wechat.accounts.default.secret", "storm-secret",
                "lawline.wechat.accounts.default.token", TOKEN,
                "lawline.wechat.accounts.default.api-base-url", WeChatStub.baseUrl(),
                "lawline.wechat.key-prefix", shared.keyPrefix,
                "lawline.wechat.reply-budget", "1s");
        first = new WeChatInstance(shared, engine, properties);
        second = new WeChatInstance(shared, engine, properties);
    }

    @BeforeEach
    void stub() {
        WeChatStub.reset();
    }

    @AfterEach
    void stop() throws Exception {
        callers.shutdownNow();
        if (first != null) {
            first.close();
            second.close();
        }
        if (shared != null) {
            shared.close();
        }
    }

    @ParameterizedTest
    @EnumSource(SharedInfrastructure.Database.class)
    void aSlowAnswerRetriedFourTimesOnTwoInstancesReachesTheCitizenOnce(SharedInfrastructure.Database database) throws Exception {
        start(database);
        engine.slowDownBy(Duration.ofMillis(2500));
        String openid = "oStorm" + shared.runId;
        String message = WebhookCalls.text("gh_storm", openid, 8_000_000_001L, "公司不给交社保怎么办", Instant.now());

        // WeChat's first try and an overlapping retry, on different instances.
        CompletableFuture<ResponseEntity<String>> firstTry = call(first, message);
        Thread.sleep(100);
        CompletableFuture<ResponseEntity<String>> overlapping = call(second, message);
        List<String> answers = new ArrayList<>();
        answers.add(firstTry.get().getBody());
        answers.add(overlapping.get().getBody());
        // A retry while the engine still works, and one after the customer-service message left.
        answers.add(call(first, message).get().getBody());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> WeChatStub.SERVER.verify(1,
                postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send"))));
        answers.add(call(second, message).get().getBody());

        assertThat(answers).containsOnly("success");
        Thread.sleep(300);
        WeChatStub.SERVER.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send")));
        assertThat(engine.receivedFrom(openid)).hasSize(1);
        assertThat(first.jdbc.sql("select count(*) from wechat_inbound where citizen_id = :c").param("c", openid)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(first.jdbc.sql("select state from wechat_outbound where citizen_id = :c").param("c", openid)
                .query(String.class).list()).containsExactly("SENT");
    }

    @ParameterizedTest
    @EnumSource(SharedInfrastructure.Database.class)
    void aQuickAnswerRetriedOnTwoInstancesIsTheSamePassiveReplyAndNothingElse(SharedInfrastructure.Database database) throws Exception {
        start(database);
        String openid = "oQuick" + shared.runId;
        String message = WebhookCalls.text("gh_storm", openid, 8_000_000_002L, "试用期可以随便辞退吗", Instant.now());

        List<CompletableFuture<ResponseEntity<String>>> calls = List.of(
                call(first, message), call(second, message), call(first, message), call(second, message));
        List<String> bodies = new ArrayList<>();
        for (CompletableFuture<ResponseEntity<String>> c : calls) {
            bodies.add(c.get().getBody());
        }

        List<String> replies = bodies.stream().filter(b -> !b.equals("success"))
                .map(b -> WeChatXml.parse(b.getBytes(java.nio.charset.StandardCharsets.UTF_8)).get("Content").orElseThrow())
                .distinct().toList();
        assertThat(replies).containsExactly("您问的是：试用期可以随便辞退吗");
        assertThat(engine.receivedFrom(openid)).hasSize(1);
        Thread.sleep(300);
        WeChatStub.SERVER.verify(0, postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send")));
    }

    private CompletableFuture<ResponseEntity<String>> call(WeChatInstance instance, String message) {
        String query = WebhookCalls.signedQuery(TOKEN, Instant.now());
        return CompletableFuture.supplyAsync(() -> {
            try {
                return instance.post("default", query, message);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, callers);
    }
}
