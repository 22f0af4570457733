package org.lawline.channels.delivery;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lawline.conversation.ChannelIdentity;

/**
 * A platform's allowance of messages after a citizen writes, kept per citizen so that we stop
 * before the platform refuses: {@code perWindow} messages within {@code window} of the citizen's
 * last message, or {@code afterPrompt} within {@code promptWindow} of a prompt (WeChat: a menu
 * click or a subscribe). A new message from the citizen opens a fresh window. WeChat allows 5 in
 * 48 hours; Weibo's private messages have the same 48-hour window. Implementations are thread
 * safe; the Redis one is shared by every instance.
 */
public interface ReplyWindows {

    /**
     * @param window       how long after a citizen's last message we may send
     * @param perWindow    how many messages in that window
     * @param afterPrompt  how many after a prompt, without a message of the citizen's
     * @param promptWindow within how long after that prompt
     */
    record Limits(java.time.Duration window, int perWindow, int afterPrompt, java.time.Duration promptWindow) {
        public Limits {
            if (window.isNegative() || window.isZero() || promptWindow.isNegative() || promptWindow.isZero()) {
                throw new IllegalArgumentException("Reply windows must be positive");
            }
            if (perWindow < 0 || afterPrompt < 0) {
                throw new IllegalArgumentException("Reply allowances cannot be negative");
            }
        }
    }

    enum Verdict {
        ALLOWED,
        /** Nothing from the citizen recently enough (WeChat would answer 45015). */
        WINDOW_CLOSED,
        /** The window is open but its messages are used up (WeChat would answer 45047). */
        SPENT
    }

    void citizenWrote(ChannelIdentity citizen, Instant at);

    void citizenPrompted(ChannelIdentity citizen, Instant at);

    /**
     * A message of the citizen's from the past, noted late (its instance died before noting it, or
     * this process restarted and forgot it): it opens its window unless a later message is known,
     * whose window and allowance then stay as they are.
     */
    void citizenWroteEarlier(ChannelIdentity citizen, Instant at);

    /** Takes one message from the allowance if there is one. */
    Verdict use(ChannelIdentity citizen, Instant at);

    /**
     * Where the citizen's allowance stands, spending nothing: what a person about to write is
     * shown. A message sent meanwhile by another instance may take one before theirs.
     */
    Standing standing(ChannelIdentity citizen, Instant at);

    /**
     * @param verdict  what {@link #use} would answer now
     * @param left     messages left in the open windows (saturated at {@link Integer#MAX_VALUE} where a window has no count)
     * @param closesAt when the last open window closes; empty when none is open
     */
    record Standing(Verdict verdict, int left, java.util.Optional<Instant> closesAt) {

        /** The state of one citizen's windows (times in epoch milliseconds, -1 for never), read against the limits. */
        static Standing of(Limits limits, long wrote, long usedSince, long prompted, long usedSincePrompt, long now) {
            boolean windowOpen = wrote >= 0 && now - wrote <= limits.window().toMillis();
            boolean promptOpen = prompted >= 0 && now - prompted <= limits.promptWindow().toMillis();
            long left = (windowOpen ? Math.max(0, limits.perWindow() - usedSince) : 0)
                    + (promptOpen ? Math.max(0, limits.afterPrompt() - usedSincePrompt) : 0);
            long closes = Math.max(windowOpen ? wrote + limits.window().toMillis() : -1,
                    promptOpen ? prompted + limits.promptWindow().toMillis() : -1);
            Verdict verdict = left > 0 ? Verdict.ALLOWED : windowOpen || promptOpen ? Verdict.SPENT : Verdict.WINDOW_CLOSED;
            return new Standing(verdict, (int) Math.min(Integer.MAX_VALUE, left),
                    closes < 0 ? java.util.Optional.empty() : java.util.Optional.of(Instant.ofEpochMilli(closes)));
        }
    }

    /** In this process: the single-machine default, and the model for the Redis one. */
    final class InProcess implements ReplyWindows {

        private static final int MAX_CITIZENS = 200_000;

        private final Limits limits;
        private final Map<String, long[]> states = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
                return size() > MAX_CITIZENS;
            }
        };

        public InProcess(Limits limits) {
            this.limits = limits;
        }

        @Override
        public synchronized void citizenWrote(ChannelIdentity citizen, Instant at) {
            long[] state = states.computeIfAbsent(citizen.key(), k -> new long[] {-1, 0, -1, 0});
            state[0] = at.toEpochMilli();
            state[1] = 0;
        }

        @Override
        public synchronized void citizenWroteEarlier(ChannelIdentity citizen, Instant at) {
            long[] state = states.computeIfAbsent(citizen.key(), k -> new long[] {-1, 0, -1, 0});
            if (state[0] < at.toEpochMilli()) {
                state[0] = at.toEpochMilli();
                state[1] = 0;
            }
        }

        @Override
        public synchronized void citizenPrompted(ChannelIdentity citizen, Instant at) {
            long[] state = states.computeIfAbsent(citizen.key(), k -> new long[] {-1, 0, -1, 0});
            state[2] = at.toEpochMilli();
            state[3] = 0;
        }

        @Override
        public synchronized Verdict use(ChannelIdentity citizen, Instant at) {
            long[] state = states.get(citizen.key());
            if (state == null) {
                return Verdict.WINDOW_CLOSED;
            }
            long now = at.toEpochMilli();
            boolean windowOpen = state[0] >= 0 && now - state[0] <= limits.window().toMillis();
            boolean promptOpen = state[2] >= 0 && now - state[2] <= limits.promptWindow().toMillis();
            if (windowOpen && state[1] < limits.perWindow()) {
                state[1]++;
                return Verdict.ALLOWED;
            }
            if (promptOpen && state[3] < limits.afterPrompt()) {
                state[3]++;
                return Verdict.ALLOWED;
            }
            return windowOpen || promptOpen ? Verdict.SPENT : Verdict.WINDOW_CLOSED;
        }

        @Override
        public synchronized Standing standing(ChannelIdentity citizen, Instant at) {
            long[] state = states.getOrDefault(citizen.key(), new long[] {-1, 0, -1, 0});
            return Standing.of(limits, state[0], state[1], state[2], state[3], at.toEpochMilli());
        }
    }

    /** In Redis, one hash per citizen, changed by scripts so that instances never both take the last one. */
    final class InRedis implements ReplyWindows {

        // Hash fields: w = last message (ms), wu = used since; p = last prompt (ms), pu = used since.
        private static final String WROTE = """
                redis.call('HSET', KEYS[1], 'w', ARGV[1], 'wu', 0)
                local ttl = redis.call('PTTL', KEYS[1])
                if ttl < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
                return 1""";
        private static final String WROTE_EARLIER = """
                local w = tonumber(redis.call('HGET', KEYS[1], 'w') or '-1')
                if w >= tonumber(ARGV[1]) then return 0 end
                redis.call('HSET', KEYS[1], 'w', ARGV[1], 'wu', 0)
                local ttl = redis.call('PTTL', KEYS[1])
                if ttl < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
                return 1""";
        private static final String PROMPTED = WROTE.replace("'w', ARGV[1], 'wu', 0", "'p', ARGV[1], 'pu', 0");
        private static final String USE = """
                local now = tonumber(ARGV[1])
                local w = tonumber(redis.call('HGET', KEYS[1], 'w') or '-1')
                local wu = tonumber(redis.call('HGET', KEYS[1], 'wu') or '0')
                local p = tonumber(redis.call('HGET', KEYS[1], 'p') or '-1')
                local pu = tonumber(redis.call('HGET', KEYS[1], 'pu') or '0')
                local windowOpen = w >= 0 and now - w <= tonumber(ARGV[2])
                local promptOpen = p >= 0 and now - p <= tonumber(ARGV[4])
                if windowOpen and wu < tonumber(ARGV[3]) then
                  redis.call('HINCRBY', KEYS[1], 'wu', 1)
                  return 1
                end
                if promptOpen and pu < tonumber(ARGV[5]) then
                  redis.call('HINCRBY', KEYS[1], 'pu', 1)
                  return 1
                end
                if windowOpen or promptOpen then return 2 end
                return 0""";

        private final StatefulRedisConnection<String, String> redis;
        private final String keyPrefix;
        private final Limits limits;

        public InRedis(StatefulRedisConnection<String, String> redis, String keyPrefix, Limits limits) {
            this.redis = redis;
            this.keyPrefix = keyPrefix;
            this.limits = limits;
        }

        @Override
        public void citizenWrote(ChannelIdentity citizen, Instant at) {
            redis.sync().eval(WROTE, ScriptOutputType.INTEGER, new String[] {key(citizen)},
                    Long.toString(at.toEpochMilli()), Long.toString(limits.window().toMillis()));
        }

        @Override
        public void citizenWroteEarlier(ChannelIdentity citizen, Instant at) {
            redis.sync().eval(WROTE_EARLIER, ScriptOutputType.INTEGER, new String[] {key(citizen)},
                    Long.toString(at.toEpochMilli()), Long.toString(limits.window().toMillis()));
        }

        @Override
        public void citizenPrompted(ChannelIdentity citizen, Instant at) {
            redis.sync().eval(PROMPTED, ScriptOutputType.INTEGER, new String[] {key(citizen)},
                    Long.toString(at.toEpochMilli()), Long.toString(limits.promptWindow().toMillis()));
        }

        @Override
        public Verdict use(ChannelIdentity citizen, Instant at) {
            Long result = redis.sync().eval(USE, ScriptOutputType.INTEGER, new String[] {key(citizen)},
                    Long.toString(at.toEpochMilli()),
                    Long.toString(limits.window().toMillis()),
                    Integer.toString(limits.perWindow()),
                    Long.toString(limits.promptWindow().toMillis()),
                    Integer.toString(limits.afterPrompt()));
            return result == 1 ? Verdict.ALLOWED : result == 2 ? Verdict.SPENT : Verdict.WINDOW_CLOSED;
        }

        @Override
        public Standing standing(ChannelIdentity citizen, Instant at) {
            java.util.List<io.lettuce.core.KeyValue<String, String>> fields = redis.sync().hmget(key(citizen), "w", "wu", "p", "pu");
            long[] state = {-1, 0, -1, 0};
            for (int i = 0; i < fields.size() && i < state.length; i++) {
                if (fields.get(i).hasValue()) {
                    state[i] = Long.parseLong(fields.get(i).getValue());
                }
            }
            return Standing.of(limits, state[0], state[1], state[2], state[3], at.toEpochMilli());
        }

        private String key(ChannelIdentity citizen) {
            // the channel's own prefix, and the key WeChat's windows had before they were shared:
            // windows open at an upgrade stay open
            return keyPrefix + "cs-budget:" + citizen.account() + ":" + citizen.citizenId();
        }
    }
}
