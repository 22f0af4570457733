package org.lawline.conversation.state;

import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.UUID;
import org.lawline.conversation.ConversationStoreSettings;

/**
 * The real Redis on this machine ({@code redis://127.0.0.1:6379}, or {@code -Dlawline.test.redis-url})
 * for one test class: its own key prefix, connected with the production client options, and its
 * keys removed on {@link #close()}. Never skipped: without Redis, {@link #connect()} fails saying so.
 */
final class TestRedis implements AutoCloseable {

    private static final String URL = System.getProperty("lawline.test.redis-url", "redis://127.0.0.1:6379");

    private final String prefix = ConversationStoreSettings.DEFAULT_KEY_PREFIX + "test-" + UUID.randomUUID() + ":";
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    String prefix() {
        return prefix;
    }

    RedisClient client() {
        return client;
    }

    StatefulRedisConnection<String, String> connection() {
        return connection;
    }

    void connect() {
        client = RedisClient.create(RedisURI.create(URL));
        client.setOptions(RedisConversationStore.clientOptions(Duration.ofMillis(500), 1000));
        try {
            connection = client.connect();
        } catch (RuntimeException e) {
            client.shutdown();
            client = null;
            throw new AssertionError("Redis is required at " + URL + " for this test (start it with scripts/test-services.sh): " + e, e);
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            ScanIterator<String> keys = ScanIterator.scan(connection.sync(), KeyScanArgs.Builder.matches(prefix + "*").limit(500));
            keys.forEachRemaining(key -> connection.sync().del(key));
            connection.close();
        }
        if (client != null) {
            client.shutdown();
        }
    }
}
