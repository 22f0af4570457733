package org.lawline.channels.weibo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lawline.channels.ScriptedConversations;
import org.lawline.channels.SharedInfrastructure;
import org.lawline.channels.delivery.ClaimedReplies;
import org.lawline.channels.delivery.DeliverySettings;
import org.lawline.channels.delivery.InboundClaims;
import org.lawline.channels.delivery.Outbox;
import org.lawline.channels.delivery.ReplyWindows;
import org.lawline.channels.delivery.Subscribers;
import org.lawline.conversation.OfficeDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A push that finds every worker busy is refused (the webhook answers 503) with its claim
 * released, so that Weibo's next push of it is answered rather than turned away as a repeat.
 */
class NoWorkerFreeIT {

    private final SharedInfrastructure shared = new SharedInfrastructure(SharedInfrastructure.Database.H2);
    private final ScriptedConversations engine = ScriptedConversations.echoing(event -> { }, Clock.systemUTC());

    NoWorkerFreeIT() throws Exception {
    }

    @AfterEach
    void stop() throws Exception {
        shared.close();
    }

    @Test
    void aPushNoWorkerCouldTakeIsBusyAndItsNextPushIsAnswered() {
        JdbcClient jdbc = JdbcClient.create(shared.dataSource);
        InboundClaims claims = new InboundClaims(jdbc, Optional.of(shared.redis),
                new DeliverySettings(shared.keyPrefix, Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofSeconds(30)));
        Outbox outbox = new Outbox(jdbc, List.of(), Clock.systemUTC());
        FollowerWindows windows = new FollowerWindows(new ReplyWindows.InProcess(FollowerWindows.limits(Duration.ofHours(48))));
        PushResponder responder = new PushResponder(engine, new OfficeDirectory(List.of(), 3), new Subscribers(jdbc));
        ClaimedReplies replies = new ClaimedReplies(claims, outbox, Clock.systemUTC());
        PushTurns full = new PushTurns(claims, replies, responder, windows,
                task -> { throw new RejectedExecutionException("every worker busy"); }, Duration.ofSeconds(4), Clock.systemUTC());
        PushTurns free = new PushTurns(claims, replies, responder, windows, Runnable::run, Duration.ofSeconds(4), Clock.systemUTC());
        String json = WeiboServers.text("6000000001", "5890124467", Instant.now(), "合同到期不续签有补偿吗");
        Push push = PushParser.parse("default", json.getBytes(StandardCharsets.UTF_8));

        PushTurns.Outcome busy = full.take(push, json, System.nanoTime());
        PushTurns.Outcome again = free.take(push, json, System.nanoTime());

        assertThat(busy).isInstanceOf(PushTurns.Outcome.Busy.class);
        assertThat(again).isEqualTo(new PushTurns.Outcome.Passive("您问的是：合同到期不续签有补偿吗"));
        assertThat(engine.receivedFrom("6000000001")).hasSize(1);
    }
}
