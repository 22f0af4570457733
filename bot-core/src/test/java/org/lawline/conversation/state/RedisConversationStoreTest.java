package org.lawline.conversation.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationSnapshot;
import org.lawline.conversation.ConversationStore;
import org.lawline.conversation.ConversationStoreSettings;
import org.lawline.conversation.ConversationStoreUnavailable;
import org.lawline.conversation.DialogState;

/**
 * The store contract against the real Redis on this machine ({@code redis://127.0.0.1:6379}, or
 * {@code -Dlawline.test.redis-url}). Never skipped: without Redis this test fails, saying so.
 * Every run uses its own key prefix and removes its keys afterwards, so parallel runs don't collide.
 */
class RedisConversationStoreTest extends ConversationStoreContract {

    private static final TestRedis REDIS = new TestRedis();
    private static final String PREFIX = REDIS.prefix();
    private static final Duration TTL = Duration.ofHours(24);

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;

    @BeforeAll
    static void connect() {
        REDIS.connect();
        client = REDIS.client();
        connection = REDIS.connection();
    }

    @AfterAll
    static void removeKeysAndDisconnect() {
        REDIS.close();
    }

    @Override
    ConversationStore newStore() {
        return new RedisConversationStore(connection, PREFIX, TTL);
    }

    @Test
    void keysCarryThePrefixAndTheIdentity() {
        RedisConversationStore store = new RedisConversationStore(connection, PREFIX, TTL);
        ChannelIdentity citizen = new ChannelIdentity(Channel.WEIBO, "lawline", "u" + UUID.randomUUID());
        store.save(citizen, snapshot(DialogState.QUEUED));

        // the braces are a Redis Cluster hash tag: state and turn lock share a slot
        assertThat(connection.sync().exists(PREFIX + "{weibo:lawline:" + citizen.citizenId() + "}")).isEqualTo(1L);
        assertThat(ConversationStoreSettings.DEFAULT_KEY_PREFIX).isEqualTo("lawline:conversation:");
    }

    @Test
    void aSaveSetsAndRestartsTheExpiry() {
        RedisConversationStore store = new RedisConversationStore(connection, PREFIX, TTL);
        ChannelIdentity citizen = new ChannelIdentity(Channel.SMS, "12348", "u" + UUID.randomUUID());
        String key = store.key(citizen);
        store.save(citizen, snapshot(DialogState.BOT));
        connection.sync().expire(key, 60);

        store.save(citizen, snapshot(DialogState.CLARIFYING));

        assertThat(connection.sync().ttl(key)).isBetween(TTL.toSeconds() - 5, TTL.toSeconds());
    }

    @Test
    void anUnreadableValueReadsAsNoConversation() {
        RedisConversationStore store = new RedisConversationStore(connection, PREFIX, TTL);
        ChannelIdentity citizen = new ChannelIdentity(Channel.WEB, "default", "u" + UUID.randomUUID());
        connection.sync().set(store.key(citizen), "{not json");
        ChannelIdentity other = new ChannelIdentity(Channel.WEB, "default", "v" + UUID.randomUUID());
        connection.sync().set(store.key(other), "{\"v\":99,\"state\":\"BOT\"}");

        assertThat(store.load(citizen)).isEmpty();
        assertThat(store.load(other)).isEmpty();
    }

    @Test
    void aValueWrittenByThePreviousVersionStillReads() {
        RedisConversationStore store = new RedisConversationStore(connection, PREFIX, TTL);
        ChannelIdentity citizen = new ChannelIdentity(Channel.WEB, "default", "u" + UUID.randomUUID());
        connection.sync().set(store.key(citizen), "{\"v\":1,\"state\":\"QUEUED\",\"offered\":[],\"misses\":1,"
                + "\"updatedAt\":\"2025-03-01T08:00:00Z\"}");

        ConversationSnapshot read = store.load(citizen).orElseThrow();
        assertThat(read).isEqualTo(new ConversationSnapshot(read.conversation(), DialogState.QUEUED, List.of(), 1,
                Instant.parse("2025-03-01T08:00:00Z"), Instant.parse("2025-03-01T08:00:00Z"), Optional.empty(), Map.of()));
    }

    @Test
    void theClientFailsFastRatherThanQueue() {
        ClientOptions options = RedisConversationStore.clientOptions(ConversationStoreSettings.defaults().commandTimeout(),
                ConversationStoreSettings.defaults().requestQueueSize());

        assertThat(options.getTimeoutOptions().isTimeoutCommands()).isTrue();
        assertThat(ConversationStoreSettings.defaults().commandTimeout()).isLessThanOrEqualTo(Duration.ofMillis(500));
        assertThat(options.getDisconnectedBehavior()).isEqualTo(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
        assertThat(options.getRequestQueueSize()).isEqualTo(1000);
        assertThat(options.isAutoReconnect()).isTrue();
        assertThat(options.getSocketOptions().isKeepAlive()).as("a silently dropped connection is noticed").isTrue();
        assertThatThrownBy(() -> new ConversationStoreSettings(TTL, Duration.ofSeconds(2), 1000, PREFIX, 10))
                .hasMessageContaining("command-timeout").hasMessageContaining("500ms");
    }

    @Test
    void aClosedConnectionSurfacesAsStoreUnavailable_notALettuceException() {
        StatefulRedisConnection<String, String> doomed = client.connect();
        RedisConversationStore store = new RedisConversationStore(doomed, PREFIX, TTL);
        doomed.close();

        assertThatThrownBy(() -> store.load(new ChannelIdentity(Channel.WEB, "default", "u-closed")))
                .isInstanceOf(ConversationStoreUnavailable.class)
                .hasMessageContaining("load");
    }

    private static ConversationSnapshot snapshot(DialogState state) {
        return new ConversationSnapshot(state, List.of(), 0, Instant.parse("2025-03-01T08:00:00Z"));
    }
}
