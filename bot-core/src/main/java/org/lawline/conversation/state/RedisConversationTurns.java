package org.lawline.conversation.state;

import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationSnapshot;
import org.lawline.conversation.ConversationStoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns on conversations kept by {@link RedisConversationStore}, shared by every instance: a turn
 * is a lock in Redis beside the conversation's state ({@code <state key>:turn}, same hash slot),
 * set with {@code SET NX PX} to a token of this turn's own, and released only by the holder of
 * that token (a Lua compare-and-delete), so a turn that outlived its lease can never release or
 * overwrite the next one's.
 *
 * <p>Two round trips per uncontended turn: one script takes the lock and reads the state, another
 * saves the state and releases the lock only if the token still holds it. A busy conversation is
 * polled (a few milliseconds apart, never past the lock's remaining lease) until
 * {@code wait} runs out. Scripts are sent by SHA and loaded again when Redis forgot them (after a
 * restart).
 *
 * <p>Order: within one instance the engine's fair lock queues a conversation's messages in
 * arrival order before they reach Redis; between instances, waiting turns are granted in the order
 * they next poll — one at a time, never two at once.
 */
public final class RedisConversationTurns implements ConversationTurns {

    private static final Logger log = LoggerFactory.getLogger(RedisConversationTurns.class);

    /** Takes the turn and reads the state: {1, state or nil} when taken, {0, lock's remaining ms} when busy. */
    private static final Script TAKE = new Script("""
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              return {1, redis.call('GET', KEYS[2])}
            end
            return {0, redis.call('PTTL', KEYS[1])}""");

    /** Saves and releases, only while the token still holds the turn: 1 saved, 0 lost. */
    private static final Script SAVE_AND_RELEASE = new Script("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
              redis.call('DEL', KEYS[1])
              return 1
            end
            return 0""");

    /** Releases without saving, only while the token still holds the turn. */
    private static final Script RELEASE = new Script("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0""");

    private static final long FIRST_POLL_MS = 1;
    private static final long LONGEST_POLL_MS = 16;

    private final RedisCommands<String, String> redis;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String keyPrefix;
    private final String ttlSeconds;
    private final Duration lease;
    private final Duration wait;
    private final AtomicLong roundTrips = new AtomicLong();

    /**
     * @param ttl   the conversation's expiry, restarted by every save (as {@link RedisConversationStore})
     * @param lease how long a turn holds the lock at most: longer than any turn, short enough that
     *              a conversation whose instance died is free again soon
     * @param wait  how long {@link #take} waits for a busy conversation
     */
    public RedisConversationTurns(StatefulRedisConnection<String, String> connection, String keyPrefix, Duration ttl,
                                  Duration lease, Duration wait) {
        this.redis = Objects.requireNonNull(connection, "connection").sync();
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.ttlSeconds = Long.toString(Objects.requireNonNull(ttl, "ttl").toSeconds());
        this.lease = Objects.requireNonNull(lease, "lease");
        this.wait = Objects.requireNonNull(wait, "wait");
        if (ttl.toSeconds() < 1 || lease.toMillis() < 1 || wait.isNegative() || wait.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("Need ttl >= 1s and 0 <= wait < lease, got " + ttl + ", " + wait + ", " + lease);
        }
    }

    @Override
    public Held take(ChannelIdentity citizen) {
        String stateKey = RedisConversationStore.key(keyPrefix, citizen);
        List<String> keys = List.of(turnKey(stateKey), stateKey);
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + wait.toNanos();
        long poll = FIRST_POLL_MS;
        while (true) {
            List<Object> taken = run("take", citizen, TAKE, keys, token, Long.toString(lease.toMillis()));
            if (((Long) taken.get(0)) == 1L) {
                Optional<ConversationSnapshot> saved = RedisConversationStore.read(json, (String) taken.get(1), citizen);
                return new RedisHeld(citizen, keys, token, saved);
            }
            long remainingLeaseMs = taken.get(1) instanceof Long ms && ms > 0 ? ms : FIRST_POLL_MS;
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new TurnNotTaken("The turn on conversation " + citizen + " did not come within " + wait.toMillis() + "ms");
            }
            sleep(Math.min(Math.min(poll, remainingLeaseMs), left));
            poll = Math.min(poll * 2, LONGEST_POLL_MS);
        }
    }

    /** Redis round trips made so far, for the benchmark's per-message figure. */
    public long roundTrips() {
        return roundTrips.get();
    }

    static String turnKey(String stateKey) {
        return stateKey + ":turn";
    }

    private final class RedisHeld implements Held {
        private final ChannelIdentity citizen;
        private final List<String> keys;
        private final String token;
        private final Optional<ConversationSnapshot> saved;
        private boolean ended;

        RedisHeld(ChannelIdentity citizen, List<String> keys, String token, Optional<ConversationSnapshot> saved) {
            this.citizen = citizen;
            this.keys = keys;
            this.token = token;
            this.saved = saved;
        }

        @Override
        public Optional<ConversationSnapshot> saved() {
            return saved;
        }

        @Override
        public boolean saveAndRelease(ConversationSnapshot snapshot) {
            if (ended) {
                throw new IllegalStateException("The turn on " + citizen + " has ended");
            }
            String value = RedisConversationStore.write(json, snapshot);
            ended = true;
            Long saved = run("save", citizen, SAVE_AND_RELEASE, keys, token, value, ttlSeconds);
            return saved == 1L;
        }

        @Override
        public void close() {
            if (ended) {
                return;
            }
            ended = true;
            try {
                run("release", citizen, RELEASE, keys, token);
            } catch (RuntimeException e) {
                // the lease ends the turn anyway
                log.warn("Turn on conversation {} not released; it ends with its lease: {}", citizen, e.toString());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T run(String operation, ChannelIdentity citizen, Script script, List<String> keys, String... args) {
        String[] keyArray = keys.toArray(String[]::new);
        ScriptOutputType type = script == TAKE ? ScriptOutputType.MULTI : ScriptOutputType.INTEGER;
        return call(operation, citizen, () -> {
            roundTrips.incrementAndGet();
            try {
                return (T) redis.evalsha(script.sha, type, keyArray, args);
            } catch (RedisNoScriptException e) {
                // Redis restarted and forgot the script: EVAL sends it and caches it again
                roundTrips.incrementAndGet();
                return (T) redis.eval(script.source, type, keyArray, args);
            }
        });
    }

    private static <T> T call(String operation, ChannelIdentity citizen, Supplier<T> command) {
        try {
            return command.get();
        } catch (RedisException e) {
            throw new ConversationStoreUnavailable("Redis turn " + operation + " on conversation " + citizen + " failed: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TurnNotTaken("Interrupted while waiting for a conversation's turn");
        }
    }

    /** A Lua script and its SHA-1, as EVALSHA wants it. */
    private record Script(String source, String sha) {
        Script(String source) {
            this(source, sha1(source));
        }

        private static String sha1(String source) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every JVM has SHA-1", e);
            }
        }
    }
}
