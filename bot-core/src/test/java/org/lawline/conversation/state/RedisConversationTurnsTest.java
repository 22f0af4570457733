package org.lawline.conversation.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationSnapshot;
import org.lawline.conversation.DialogState;

/**
 * Turns in the real Redis on this machine ({@code redis://127.0.0.1:6379}, or
 * {@code -Dlawline.test.redis-url}): the contract, plus waiting, leases and round trips. Every
 * run uses its own key prefix and removes its keys afterwards.
 */
class RedisConversationTurnsTest extends ConversationTurnsContract {

    private static final TestRedis REDIS = new TestRedis();
    private static final String PREFIX = REDIS.prefix();
    private static final Duration TTL = Duration.ofHours(1);

    private static StatefulRedisConnection<String, String> connection;

    @BeforeAll
    static void connect() {
        REDIS.connect();
        connection = REDIS.connection();
    }

    @AfterAll
    static void removeKeysAndDisconnect() {
        REDIS.close();
    }

    @Override
    ConversationTurns newTurns() {
        return turns(Duration.ofSeconds(10), Duration.ofSeconds(2));
    }

    @Test
    void aBusyConversationWaitsForTheTurn_andThenReadsWhatTheFirstTurnSaved() throws Exception {
        RedisConversationTurns turns = turns(Duration.ofSeconds(10), Duration.ofSeconds(2));
        ChannelIdentity citizen = citizen();
        ConversationTurns.Held first = turns.take(citizen);

        long started = System.nanoTime();
        CompletableFuture<ConversationSnapshot> second = CompletableFuture.supplyAsync(() -> {
            try (ConversationTurns.Held held = turns.take(citizen)) {
                return held.saved().orElseThrow();
            }
        });
        Thread.sleep(150);
        assertThat(second).isNotDone();
        first.saveAndRelease(snapshot(DialogState.QUEUED));

        assertThat(second.get(2, TimeUnit.SECONDS).state()).isEqualTo(DialogState.QUEUED);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void aTurnThatDoesNotComeWithinTheWaitFails_saying_busy() {
        RedisConversationTurns turns = turns(Duration.ofSeconds(10), Duration.ofMillis(200));
        ChannelIdentity citizen = citizen();
        try (ConversationTurns.Held first = turns.take(citizen)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> turns.take(citizen)).isInstanceOf(TurnNotTaken.class).hasMessageContaining("200ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(190), Duration.ofSeconds(10));
        }
    }

    @Test
    void differentConversationsDoNotWaitForEachOther() {
        RedisConversationTurns turns = turns(Duration.ofSeconds(10), Duration.ofMillis(100));
        try (ConversationTurns.Held first = turns.take(citizen()); ConversationTurns.Held other = turns.take(citizen())) {
            assertThat(other.saved()).isEmpty();
        }
    }

    @Test
    void aTurnThatOutlivedItsLeaseSavesNothing_andLeavesTheNextTurnAlone() throws Exception {
        RedisConversationTurns shortLease = turns(Duration.ofMillis(200), Duration.ofMillis(100));
        RedisConversationTurns turns = turns(Duration.ofSeconds(10), Duration.ofMillis(100));
        ChannelIdentity citizen = citizen();
        ConversationTurns.Held stale = shortLease.take(citizen);
        Thread.sleep(300);
        ConversationTurns.Held next = turns.take(citizen);

        assertThat(stale.saveAndRelease(snapshot(DialogState.CLOSED))).isFalse();
        stale.close();
        assertThatThrownBy(() -> turns.take(citizen)).as("the next turn still holds the conversation").isInstanceOf(TurnNotTaken.class);

        assertThat(next.saveAndRelease(snapshot(DialogState.QUEUED))).isTrue();
        try (ConversationTurns.Held after = turns.take(citizen)) {
            assertThat(after.saved()).get().extracting(ConversationSnapshot::state).isEqualTo(DialogState.QUEUED);
        }
    }

    @Test
    void anUncontendedTurnIsTwoRoundTrips() {
        RedisConversationTurns turns = turns(Duration.ofSeconds(10), Duration.ofSeconds(1));
        ChannelIdentity citizen = citizen();
        turns.take(citizen).close();
        long before = turns.roundTrips();

        try (ConversationTurns.Held held = turns.take(citizen)) {
            held.saveAndRelease(snapshot(DialogState.BOT));
        }

        assertThat(turns.roundTrips() - before).isEqualTo(2);
    }

    @Test
    void scriptsAreSentAgainWhenRedisHasForgottenThem() {
        RedisConversationTurns turns = turns(Duration.ofSeconds(10), Duration.ofSeconds(1));
        ChannelIdentity citizen = citizen();
        connection.sync().scriptFlush();

        try (ConversationTurns.Held held = turns.take(citizen)) {
            assertThat(held.saveAndRelease(snapshot(DialogState.CLARIFYING))).isTrue();
        }
        try (ConversationTurns.Held held = turns.take(citizen)) {
            assertThat(held.saved()).get().extracting(ConversationSnapshot::state).isEqualTo(DialogState.CLARIFYING);
        }
    }

    @Test
    void theStoreAndTheTurnsReadTheSameKey() {
        RedisConversationTurns turns = turns(Duration.ofSeconds(10), Duration.ofSeconds(1));
        RedisConversationStore store = new RedisConversationStore(connection, PREFIX, TTL);
        ChannelIdentity citizen = citizen();
        store.save(citizen, snapshot(DialogState.CALLBACK));

        try (ConversationTurns.Held held = turns.take(citizen)) {
            assertThat(held.saved()).get().extracting(ConversationSnapshot::state).isEqualTo(DialogState.CALLBACK);
            held.saveAndRelease(snapshot(DialogState.BOT));
        }
        assertThat(store.load(citizen)).get().extracting(ConversationSnapshot::state).isEqualTo(DialogState.BOT);
        assertThat(connection.sync().ttl(store.key(citizen))).isBetween(TTL.toSeconds() - 5, TTL.toSeconds());
    }

    private static RedisConversationTurns turns(Duration lease, Duration wait) {
        return new RedisConversationTurns(connection, PREFIX, TTL, lease, wait);
    }

    private static ChannelIdentity citizen() {
        return new ChannelIdentity(Channel.WECHAT, "gh_lawline", "o" + UUID.randomUUID());
    }

    private static ConversationSnapshot snapshot(DialogState state) {
        return new ConversationSnapshot(state, List.of(), 0, Instant.parse("2025-03-01T08:00:00Z"));
    }
}
