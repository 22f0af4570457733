package org.lawline.channels.weibo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.channels.ScriptedConversations;
import org.lawline.channels.SharedInfrastructure;
import org.lawline.channels.delivery.Claim;
import org.lawline.channels.delivery.ClaimStatus;
import org.lawline.channels.delivery.Reconciler;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances on the real Redis and PostgreSQL behind Weibo's pushes: a push Weibo repeats to
 * the other instance — while the first still answers it, or after — is acknowledged there and
 * answered once; a push whose instance died is answered by the other one's reconciler, once.
 */
class RepeatedPushesOnTwoInstancesIT {

    private static final String SECRET = "two-instances-secret";

    private final ScriptedConversations engine = ScriptedConversations.echoing(event -> { }, Clock.systemUTC());
    private final String follower = Long.toString(5_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L));
    private SharedInfrastructure shared;
    private WeiboInstance first;
    private WeiboInstance second;

    @BeforeEach
    void twoInstances() throws Exception {
        shared = new SharedInfrastructure(SharedInfrastructure.Database.POSTGRES);
        WeiboStub.reset();
        Map<String, String> properties = Map.of(
                "lawline.weibo.accounts.default.app-secret", SECRET,
                "lawline.weibo.accounts.default.access-token", WeiboStub.ACCESS_TOKEN,
                "lawline.weibo.accounts.default.uid", "5890124467",
                "lawline.weibo.accounts.default.api-base-url", WeiboStub.baseUrl(),
                "lawline.weibo.reply-budget", "500ms",
                "lawline.weibo.key-prefix", shared.keyPrefix + "weibo:",
                "lawline.delivery.key-prefix", shared.keyPrefix + "delivery:");
        first = new WeiboInstance(shared, engine, properties, Clock.systemUTC());
        second = new WeiboInstance(shared, engine, properties, Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        first.close();
        second.close();
        shared.close();
    }

    @Test
    void aRepeatOnTheOtherInstanceWhileTheFirstAnswersAndAfterIsAcknowledgedAndTheAnswerSentOnce() throws Exception {
        engine.slowDownBy(Duration.ofMillis(1500));
        String push = WeiboServers.text(follower, "5890124467", Instant.now(), "单位不给交社保怎么办");

        CompletableFuture<ResponseEntity<String>> original = CompletableFuture.supplyAsync(() -> quietly(first, push));
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.receivedFrom(follower).size() == 1);
        ResponseEntity<String> whileAnswering = second.push(signed(), push);
        await().atMost(Duration.ofSeconds(10)).until(() -> WeiboStub.repliesTo(follower).size() == 1);
        ResponseEntity<String> afterwards = second.push(signed(), push);

        assertThat(original.get().getStatusCode().value()).isEqualTo(200);
        assertThat(original.get().getBody()).isEmpty();
        assertThat(whileAnswering.getStatusCode().value()).isEqualTo(200);
        assertThat(whileAnswering.getBody()).isEmpty();
        assertThat(afterwards.getBody()).isEmpty();
        assertThat(engine.receivedFrom(follower)).hasSize(1);
        assertThat(WeiboStub.textOf(WeiboStub.repliesTo(follower).get(0))).isEqualTo("您问的是：单位不给交社保怎么办");
        Thread.sleep(300);
        assertThat(WeiboStub.repliesTo(follower)).hasSize(1);
    }

    @Test
    void aPushWhoseInstanceDiedIsAnsweredOnceThroughReplyJsonByTheOther() throws Exception {
        Instant pushedAt = Instant.now().minusSeconds(600);
        String push = WeiboServers.text(follower, "5890124467", pushedAt, "工伤怎么认定");
        Push parsed = PushParser.parse("default", push.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // The first instance claimed the push ten minutes ago and died before it answered.
        Claim claim = first.claims.claim(parsed.follower(), parsed.origin().claimKey(), parsed.kind(), Optional.of(push), pushedAt);
        assertThat(claim).isInstanceOf(Claim.Won.class);

        Reconciler.Round round = second.reconciler.reconcile();
        Reconciler.Round again = first.reconciler.reconcile();

        assertThat(round.claimsAnswered()).isEqualTo(1);
        assertThat(again.claimsAnswered()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> WeiboStub.repliesTo(follower).size() == 1);
        assertThat(WeiboStub.textOf(WeiboStub.repliesTo(follower).get(0))).isEqualTo("您问的是：工伤怎么认定");
        assertThat(second.claims.statusOf(new ChannelIdentity(Channel.WEIBO, "default", follower), parsed.origin().claimKey()))
                .contains(ClaimStatus.ANSWERED_LATER);
        assertThat(JdbcClient.create(shared.dataSource).sql("select count(*) from outbound_part where channel = 'weibo' and citizen_id = :uid")
                .param("uid", follower).query(Integer.class).single()).isEqualTo(1);
    }

    private String signed() throws Exception {
        return WeiboServers.signedQuery(SECRET, System.currentTimeMillis());
    }

    private ResponseEntity<String> quietly(WeiboInstance instance, String push) {
        try {
            return instance.push(signed(), push);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
