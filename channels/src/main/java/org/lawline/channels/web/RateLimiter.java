package org.lawline.channels.web;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts requests per key (a citizen, a client address) in fixed one-minute windows. In Redis the
 * count is shared by every instance; in process it holds for this instance alone (the
 * single-machine default). Thread-safe.
 */
sealed interface RateLimiter {

    Duration WINDOW = Duration.ofMinutes(1);

    /** Takes one request for {@code key} against {@code perWindow}; what to answer if over. */
    Verdict take(String key, int perWindow);

    /** Allowed, or refused until the window ends. */
    record Verdict(boolean allowed, long retryAfterSeconds) {
        static final Verdict ALLOWED = new Verdict(true, 0);
    }

    /** The window a moment falls in, and the whole seconds left in it (at least 1). */
    private static long window(Clock clock) {
        return clock.millis() / WINDOW.toMillis();
    }

    private static long secondsLeft(Clock clock) {
        long left = WINDOW.toMillis() - clock.millis() % WINDOW.toMillis();
        return Math.max(1, (left + 999) / 1000);
    }

    /** This instance's counters; old windows are dropped as the map grows, so a flood of keys cannot fill memory. */
    final class InProcess implements RateLimiter {

        private static final int SWEEP_ABOVE = 10_000;

        private record Counter(long window, int count) {
        }

        private final Map<String, Counter> counters = new ConcurrentHashMap<>();
        private final Clock clock;

        InProcess(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Verdict take(String key, int perWindow) {
            long window = window(clock);
            if (counters.size() > SWEEP_ABOVE) {
                for (Iterator<Counter> it = counters.values().iterator(); it.hasNext(); ) {
                    if (it.next().window() != window) {
                        it.remove();
                    }
                }
            }
            Counter counter = counters.merge(key, new Counter(window, 1),
                    (old, one) -> old.window() == window ? new Counter(window, old.count() + 1) : one);
            return counter.count() <= perWindow ? Verdict.ALLOWED : new Verdict(false, secondsLeft(clock));
        }
    }

    /**
     * One Redis counter per key and window, expiring with it. When Redis fails the request is
     * counted in process instead: a citizen is never refused because Redis is down.
     */
    final class InRedis implements RateLimiter {

        private static final Logger log = LoggerFactory.getLogger(InRedis.class);

        private static final String TAKE = """
                local n = redis.call('INCR', KEYS[1])
                if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
                return n""";

        private final StatefulRedisConnection<String, String> redis;
        private final String keyPrefix;
        private final Clock clock;
        private final InProcess fallback;

        InRedis(StatefulRedisConnection<String, String> redis, String keyPrefix, Clock clock) {
            this.redis = redis;
            this.keyPrefix = keyPrefix;
            this.clock = clock;
            this.fallback = new InProcess(clock);
        }

        @Override
        public Verdict take(String key, int perWindow) {
            long window = window(clock);
            try {
                Long count = redis.sync().eval(TAKE, ScriptOutputType.INTEGER,
                        new String[] {keyPrefix + key + ":" + window}, Long.toString(WINDOW.toMillis() + 1000));
                return count <= perWindow ? Verdict.ALLOWED : new Verdict(false, secondsLeft(clock));
            } catch (RuntimeException e) {
                log.warn("Rate limit counted in process: Redis failed ({})", e.getClass().getSimpleName());
                return fallback.take(key, perWindow);
            }
        }
    }
}
