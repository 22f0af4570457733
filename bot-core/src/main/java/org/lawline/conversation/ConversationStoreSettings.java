package org.lawline.conversation;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How conversation state is kept. Which store is used depends on {@code lawline.redis.url}
 * (see {@link ConversationConfiguration}); these settings tune either.
 *
 * @param ttl              a conversation without a message for this long is forgotten; every
 *                         save restarts it
 * @param commandTimeout   a Redis command that takes longer fails: a citizen waits on it, and
 *                         WeChat's passive reply must leave within 5 seconds
 * @param requestQueueSize Redis commands buffered per connection at most; beyond it, commands
 *                         fail at once instead of piling up in memory
 * @param keyPrefix        the Redis key of a conversation is this prefix and the identity's key
 * @param maxInMemory      conversations the in-process store holds at most; the least recently
 *                         saved go first
 */
@ConfigurationProperties("lawline.conversation.store")
public record ConversationStoreSettings(
        @DefaultValue("24h") Duration ttl,
        @DefaultValue("500ms") Duration commandTimeout,
        @DefaultValue("1000") int requestQueueSize,
        @DefaultValue(DEFAULT_KEY_PREFIX) String keyPrefix,
        @DefaultValue("100000") int maxInMemory) {

    public static final String DEFAULT_KEY_PREFIX = "lawline:conversation:";

    public ConversationStoreSettings {
        Objects.requireNonNull(ttl, "lawline.conversation.store.ttl");
        Objects.requireNonNull(commandTimeout, "lawline.conversation.store.command-timeout");
        Objects.requireNonNull(keyPrefix, "lawline.conversation.store.key-prefix");
        if (ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("lawline.conversation.store.ttl must be at least one second, got " + ttl);
        }
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("lawline.conversation.store.command-timeout must be positive, got " + commandTimeout);
        }
        if (requestQueueSize < 1) {
            throw new IllegalArgumentException("lawline.conversation.store.request-queue-size must be positive, got " + requestQueueSize);
        }
        if (keyPrefix.isBlank()) {
            throw new IllegalArgumentException("lawline.conversation.store.key-prefix must not be blank");
        }
        if (maxInMemory < 1) {
            throw new IllegalArgumentException("lawline.conversation.store.max-in-memory must be positive, got " + maxInMemory);
        }
    }

    /** The defaults, as bound from an empty environment. */
    public static ConversationStoreSettings defaults() {
        return new ConversationStoreSettings(Duration.ofHours(24), Duration.ofMillis(500), 1000, DEFAULT_KEY_PREFIX, 100_000);
    }
}
