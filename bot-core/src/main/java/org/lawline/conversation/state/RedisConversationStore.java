package org.lawline.conversation.state;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationSnapshot;
import org.lawline.conversation.ConversationStore;
import org.lawline.conversation.ConversationStoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversation state in Redis, shared by every LawLine instance: one JSON string per conversation
 * under {@code <prefix>{<channel>:<account>:<citizen id>}}, expiring {@code ttl} after the last save
 * ({@code SET … EX}, so value and expiry change together). The braces are a Redis Cluster hash tag:
 * a conversation's state and its turn lock ({@link RedisConversationTurns}) live in one slot, so one
 * script can touch both. Thread safe: Lettuce multiplexes one connection over all threads.
 *
 * <p>A value this version cannot read (another format, or damaged) reads as no conversation,
 * logged at WARN: the citizen starts afresh rather than being stuck. Redis errors and timeouts
 * surface as {@link ConversationStoreUnavailable}; Lettuce's exceptions stay inside this class.
 */
public final class RedisConversationStore implements ConversationStore {

    private static final Logger log = LoggerFactory.getLogger(RedisConversationStore.class);

    /** Reconnecting to a Redis that is back takes milliseconds; one that is not answering need not hold a thread for Lettuce's 10 s. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    private final RedisCommands<String, String> redis;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String keyPrefix;
    private final SetArgs expiry;

    public RedisConversationStore(StatefulRedisConnection<String, String> connection, String keyPrefix, Duration ttl) {
        this.redis = Objects.requireNonNull(connection, "connection").sync();
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("ttl must be at least one second, got " + ttl);
        }
        this.expiry = SetArgs.Builder.ex(ttl);
    }

    /**
     * Client options for the connection this store uses: a citizen is waiting, so commands fail
     * fast rather than queue — each times out after {@code commandTimeout}, commands are rejected
     * at once while disconnected (the client reconnects in the background), and at most
     * {@code requestQueueSize} are buffered.
     */
    public static ClientOptions clientOptions(Duration commandTimeout, int requestQueueSize) {
        return ClientOptions.builder()
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(requestQueueSize)
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build())
                .autoReconnect(true)
                .build();
    }

    /**
     * Client resources that reconnect soon after Redis comes back (every 100 ms, backing off to
     * 2 s), rather than Lettuce's default of up to 30 s: while disconnected every command is
     * rejected and citizens are answered without their conversation's state. Shut them down with
     * the client.
     */
    public static ClientResources clientResources() {
        return DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
    }

    @Override
    public Optional<ConversationSnapshot> load(ChannelIdentity citizen) {
        return read(json, call("load", citizen, () -> redis.get(key(citizen))), citizen);
    }

    @Override
    public void save(ChannelIdentity citizen, ConversationSnapshot snapshot) {
        String value = write(json, snapshot);
        call("save", citizen, () -> redis.set(key(citizen), value, expiry));
    }

    @Override
    public void delete(ChannelIdentity citizen) {
        call("delete", citizen, () -> redis.del(key(citizen)));
    }

    String key(ChannelIdentity citizen) {
        return key(keyPrefix, citizen);
    }

    static String key(String keyPrefix, ChannelIdentity citizen) {
        return keyPrefix + "{" + citizen.key() + "}";
    }

    /** The value as stored, or empty for a value this version cannot read (logged at WARN). */
    static Optional<ConversationSnapshot> read(JsonMapper json, String value, ChannelIdentity citizen) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(value, StoredConversation.class).toSnapshot());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            log.warn("Stored conversation of {} is unreadable; starting afresh ({})", citizen, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    static String write(JsonMapper json, ConversationSnapshot snapshot) {
        return json.writeValueAsString(StoredConversation.of(Objects.requireNonNull(snapshot, "snapshot")));
    }

    private <T> T call(String operation, ChannelIdentity citizen, Supplier<T> command) {
        try {
            return command.get();
        } catch (RedisException e) {
            // RedisCommandTimeoutException and RedisConnectionException are RedisExceptions
            throw new ConversationStoreUnavailable("Redis " + operation + " of conversation " + citizen + " failed: "
                    + e.getClass().getSimpleName(), e);
        }
    }
}
