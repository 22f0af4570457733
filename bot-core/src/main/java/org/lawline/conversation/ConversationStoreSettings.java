package org.lawline.conversation;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param turnWait         how long a message waits for its conversation's turn while another
 *                         message of the same citizen is handled (on any instance); past it, the
 *                         message is answered without the conversation's state
 * @param turnLease        a turn not ended within this is taken as abandoned (its instance died)
 *                         and the conversation is free again; far longer than any turn takes
 * @param retryAfter       after the store failed, how long messages are answered without it
 *                         before it is tried again, so that a hung Redis does not hold every
 *                         thread for {@code commandTimeout}
 */
@ConfigurationProperties("lawline.conversation.store")
public record ConversationStoreSettings(
        @DefaultValue("24h") Duration ttl,
        @DefaultValue("500ms") Duration commandTimeout,
        @DefaultValue("1000") int requestQueueSize,
        @DefaultValue(DEFAULT_KEY_PREFIX) String keyPrefix,
        @DefaultValue("100000") int maxInMemory,
        @DefaultValue("2s") Duration turnWait,
        @DefaultValue("10s") Duration turnLease,
        @DefaultValue("1s") Duration retryAfter) {

    public static final String DEFAULT_KEY_PREFIX = "lawline:conversation:";

    /**
     * A citizen waits on every command, and a turn makes two: with WeChat's 5-second deadline for
     * a passive reply, a command may not take longer than this.
     */
    public static final Duration LONGEST_COMMAND_TIMEOUT = Duration.ofMillis(500);

    @ConstructorBinding
    public ConversationStoreSettings {
        Objects.requireNonNull(ttl, "lawline.conversation.store.ttl");
        Objects.requireNonNull(commandTimeout, "lawline.conversation.store.command-timeout");
        Objects.requireNonNull(keyPrefix, "lawline.conversation.store.key-prefix");
        if (ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("lawline.conversation.store.ttl must be at least one second, got " + ttl);
        }
        if (commandTimeout.isNegative() || commandTimeout.isZero() || commandTimeout.compareTo(LONGEST_COMMAND_TIMEOUT) > 0) {
            throw new IllegalArgumentException("lawline.conversation.store.command-timeout must be positive and at most "
                    + LONGEST_COMMAND_TIMEOUT.toMillis() + "ms, got " + commandTimeout);
        }
        Objects.requireNonNull(turnWait, "lawline.conversation.store.turn-wait");
        Objects.requireNonNull(turnLease, "lawline.conversation.store.turn-lease");
        Objects.requireNonNull(retryAfter, "lawline.conversation.store.retry-after");
        if (turnWait.isNegative() || turnWait.isZero() || turnLease.compareTo(turnWait) <= 0) {
            throw new IllegalArgumentException("lawline.conversation.store needs 0 < turn-wait < turn-lease, got "
                    + turnWait + " and " + turnLease);
        }
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("lawline.conversation.store.retry-after must not be negative, got " + retryAfter);
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

    /** These settings with the default turn wait, lease and retry pause. */
    public ConversationStoreSettings(Duration ttl, Duration commandTimeout, int requestQueueSize, String keyPrefix, int maxInMemory) {
        this(ttl, commandTimeout, requestQueueSize, keyPrefix, maxInMemory, Duration.ofSeconds(2), Duration.ofSeconds(10),
                Duration.ofSeconds(1));
    }

    /** The defaults, as bound from an empty environment. */
    public static ConversationStoreSettings defaults() {
        return new ConversationStoreSettings(Duration.ofHours(24), Duration.ofMillis(500), 1000, DEFAULT_KEY_PREFIX, 100_000);
    }
}
