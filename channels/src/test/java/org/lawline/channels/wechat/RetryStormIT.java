package org.lawline.channels.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawline.channels.SharedInfrastructure;
import org.lawline.knowledge.BundledKnowledge;
import org.lawline.knowledge.FaqIndex;
import org.lawline.knowledge.KnowledgeWiring;

/**
 * WeChat's retries against two LawLine instances: two application contexts, each with its own web
 * server, WeChat channel and real conversation engine, sharing the real Redis and one PostgreSQL
 * schema. The same MsgId comes four times, the first two overlapping, split across the instances.
 * Exactly one answer reaches the citizen, the engine handles the message once, and one turn is
 * stored (the engine's transcript, copied from each instance's own journal).
 */
class RetryStormIT {

    private static final String CUSTOM_SEND = "/cgi-bin/message/custom/send";
    private static final String QUESTION = "老板拖欠工资三个月不发怎么办";

    private static FaqIndex index;

    private final ExecutorService wechat = Executors.newFixedThreadPool(4);
    private final ApplicationInstance.EngineReplies engine = new ApplicationInstance.EngineReplies();
    private SharedInfrastructure shared;
    private ApplicationInstance.SlowKnowledge knowledge;
    private ApplicationInstance first;
    private ApplicationInstance second;

    @TempDir
    Path journals;

    @BeforeAll
    static void buildTheKnowledgeBase() {
        index = KnowledgeWiring.keywordFaqIndex();
        index.replaceAll(BundledKnowledge.faqEntries());
        // The first search of a JVM is slow (classes, JIT); a quick answer must not miss its budget for it.
        index.search(QUESTION, 5);
    }

    @AfterAll
    static void closeTheKnowledgeBase() {
        index.close();
    }

    @BeforeEach
    void startTwoInstances() throws Exception {
        WeChatStub.reset();
        shared = new SharedInfrastructure(SharedInfrastructure.Database.POSTGRES);
        knowledge = new ApplicationInstance.SlowKnowledge(index);
        Map<String, String> settings = Map.of("lawline.wechat.reply-budget", "3s");
        first = new ApplicationInstance(shared, knowledge, engine, journals.resolve("first"), settings).warmUp();
        second = new ApplicationInstance(shared, knowledge, engine, journals.resolve("second"), settings).warmUp();
    }

    @AfterEach
    void stopThem() throws Exception {
        wechat.shutdownNow();
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
    void aSlowAnswerRetriedFourTimesOnTwoInstancesReachesTheCitizenOnceAsACustomerServiceMessage() throws Exception {
        knowledge.slowDownBy(Duration.ofSeconds(4));
        String openid = "oStorm" + shared.runId;
        String message = WebhookCalls.text("gh_storm", openid, msgId(), QUESTION, Instant.now());

        // WeChat's first try, and a retry on the other instance while the first is still waiting.
        CompletableFuture<HttpResponse<String>> firstTry = call(first, message);
        await().atMost(Duration.ofSeconds(10)).until(() -> countClaims(openid) == 1);
        CompletableFuture<HttpResponse<String>> overlapping = call(second, message);
        List<String> answers = new ArrayList<>();
        answers.add(body(firstTry));
        answers.add(body(overlapping));
        // A retry while the engine still works, and one after the customer-service message left.
        answers.add(body(call(first, message)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                WeChatStub.SERVER.verify(1, postRequestedFor(urlPathEqualTo(CUSTOM_SEND))));
        answers.add(body(call(second, message)));

        assertThat(answers).containsOnly("success");
        WeChatStub.SERVER.verify(1, postRequestedFor(urlPathEqualTo(CUSTOM_SEND))
                .withRequestBody(matchingJsonPath("$.touser", equalTo(openid)))
                .withRequestBody(matchingJsonPath("$.text.content", containing("工资"))));
        assertThat(engine.to(openid)).hasSize(1);
        awaitOneTurnStored(openid);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                first.jdbc.sql("select state from outbound_part where citizen_id = :c").param("c", openid)
                        .query(String.class).list()).containsOnly("SENT"));
        // Nothing more leaves afterwards: no instance answers the message a second time.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            WeChatStub.SERVER.verify(1, postRequestedFor(urlPathEqualTo(CUSTOM_SEND)));
            assertThat(engine.to(openid)).hasSize(1);
        });
    }

    @Test
    void aQuickAnswerRetriedOnTwoInstancesIsOneAndTheSamePassiveReply() throws Exception {
        String openid = "oQuick" + shared.runId;
        String message = WebhookCalls.text("gh_storm", openid, msgId(), QUESTION, Instant.now());

        List<CompletableFuture<HttpResponse<String>>> calls = List.of(
                call(first, message), call(second, message), call(first, message), call(second, message));
        List<String> bodies = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> c : calls) {
            bodies.add(body(c));
        }

        List<String> replies = bodies.stream().filter(b -> !b.equals("success"))
                .map(b -> WeChatXml.parse(b.getBytes(StandardCharsets.UTF_8)).get("Content").orElseThrow())
                .distinct().toList();
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0)).contains("工资");
        assertThat(engine.to(openid)).hasSize(1);
        awaitOneTurnStored(openid);
        WeChatStub.SERVER.verify(0, postRequestedFor(urlPathEqualTo(CUSTOM_SEND)));
    }

    /** One turn: what the citizen wrote and what the bot answered, once each, whichever instance wrote them. */
    private void awaitOneTurnStored(String openid) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(second.jdbc
                .sql("select speaker from conversation_turn where citizen_id = :c order by speaker")
                .param("c", openid).query(String.class).list()).containsExactly("BOT", "CITIZEN"));
    }

    private int countClaims(String openid) {
        return first.jdbc.sql("select count(*) from inbound_claim where citizen_id = :c").param("c", openid)
                .query(Integer.class).single();
    }

    private CompletableFuture<HttpResponse<String>> call(ApplicationInstance instance, String message) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return instance.post(message);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, wechat);
    }

    private static String body(CompletableFuture<HttpResponse<String>> call) throws Exception {
        HttpResponse<String> response = call.get();
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static long msgId() {
        return 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }
}
