package org.lawline.channels.wechat;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where each account's access_token is held, with the lock its refresh takes. WeChat allows a
 * limited number of token requests a day and a new token retires the old one, so every instance
 * must share one token (Redis) and only one may refresh it at a time. Thread safe.
 */
interface AccessTokens {

    record Token(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "Token[expiresAt=" + expiresAt + "]";
        }
    }

    Optional<Token> current(String appId);

    void store(String appId, Token token);

    /** Forgets the token, but only if it is still {@code value}: a fresher one stays. */
    void forget(String appId, String value);

    /** The refresh lock; {@link Lock#newCondition()} is not supported. */
    Lock refreshLock(String appId);

    /** In this process: one instance only. */
    final class InProcess implements AccessTokens {
        private final Map<String, Token> tokens = new ConcurrentHashMap<>();
        private final Map<String, Lock> locks = new ConcurrentHashMap<>();

        @Override
        public Optional<Token> current(String appId) {
            return Optional.ofNullable(tokens.get(appId));
        }

        @Override
        public void store(String appId, Token token) {
            tokens.put(appId, token);
        }

        @Override
        public void forget(String appId, String value) {
            tokens.computeIfPresent(appId, (id, token) -> token.value().equals(value) ? null : token);
        }

        @Override
        public Lock refreshLock(String appId) {
            return locks.computeIfAbsent(appId, id -> new ReentrantLock());
        }
    }

    /** In Redis, shared by every instance; the lock is a key with a TTL, so a dead holder frees it. */
    final class InRedis implements AccessTokens {

        /** A refresh is one HTTP call; a holder that died frees the lock after this. */
        private static final Duration LOCK_TTL = Duration.ofSeconds(15);
        private static final Duration LOCK_WAIT = Duration.ofSeconds(15);

        private static final String DELETE_IF = """
                if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
                return 0""";
        private static final String FORGET_IF = """
                local v = redis.call('GET', KEYS[1])
                if v and string.sub(v, string.find(v, ':', 1, true) + 1) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
                return 0""";

        private final StatefulRedisConnection<String, String> redis;
        private final String keyPrefix;
        private final Clock clock;

        InRedis(StatefulRedisConnection<String, String> redis, String keyPrefix, Clock clock) {
            this.redis = redis;
            this.keyPrefix = keyPrefix;
            this.clock = clock;
        }

        @Override
        public Optional<Token> current(String appId) {
            String stored = redis.sync().get(tokenKey(appId));
            if (stored == null) {
                return Optional.empty();
            }
            int colon = stored.indexOf(':');
            return Optional.of(new Token(stored.substring(colon + 1), Instant.ofEpochMilli(Long.parseLong(stored.substring(0, colon)))));
        }

        @Override
        public void store(String appId, Token token) {
            long ttl = Math.max(1, Duration.between(clock.instant(), token.expiresAt()).toMillis());
            redis.sync().set(tokenKey(appId), token.expiresAt().toEpochMilli() + ":" + token.value(), SetArgs.Builder.px(ttl));
        }

        @Override
        public void forget(String appId, String value) {
            redis.sync().eval(FORGET_IF, ScriptOutputType.INTEGER, new String[] {tokenKey(appId)}, value == null ? "" : value);
        }

        @Override
        public Lock refreshLock(String appId) {
            return new RedisLock(keyPrefix + "token-lock:" + appId);
        }

        private String tokenKey(String appId) {
            return keyPrefix + "token:" + appId;
        }

        /** Not reentrant; each holder marks the key with its own value and deletes only that. */
        private final class RedisLock implements Lock {
            private final String key;
            private final ThreadLocal<String> held = new ThreadLocal<>();

            RedisLock(String key) {
                this.key = key;
            }

            @Override
            public boolean tryLock() {
                String mark = UUID.randomUUID().toString();
                if ("OK".equals(redis.sync().set(key, mark, SetArgs.Builder.nx().px(LOCK_TTL.toMillis())))) {
                    held.set(mark);
                    return true;
                }
                return false;
            }

            @Override
            public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
                long deadline = System.nanoTime() + unit.toNanos(time);
                while (true) {
                    if (tryLock()) {
                        return true;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    Thread.sleep(Math.min(20, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))));
                }
            }

            @Override
            public void lock() {
                try {
                    lockInterruptibly();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the access_token lock", e);
                }
            }

            @Override
            public void lockInterruptibly() throws InterruptedException {
                if (!tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("The access_token lock was not free within " + LOCK_WAIT);
                }
            }

            @Override
            public void unlock() {
                String mark = held.get();
                held.remove();
                if (mark != null) {
                    redis.sync().eval(DELETE_IF, ScriptOutputType.INTEGER, new String[] {key}, mark);
                }
            }

            @Override
            public Condition newCondition() {
                throw new UnsupportedOperationException("The access_token lock has no conditions");
            }
        }
    }
}
