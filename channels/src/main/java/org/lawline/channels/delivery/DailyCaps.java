package org.lawline.channels.delivery;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lawline.conversation.ChannelIdentity;

/**
 * At most {@code perDay} messages to one citizen a calendar day (an SMS gateway's cap per number),
 * counted in the given zone's days. Implementations are thread safe; the Redis one is shared by
 * every instance and counts atomically, so that instances never both take the last one.
 */
public interface DailyCaps {

    /** Takes one message from the citizen's day if there is one left; false when the day's cap is spent. */
    boolean take(ChannelIdentity citizen, Instant now);

    /** How many messages the citizen's day has left, taking none. */
    int left(ChannelIdentity citizen, Instant now);

    /** In this process: the single-machine default. */
    final class InProcess implements DailyCaps {

        private static final int MAX_CITIZENS = 200_000;

        private final int perDay;
        private final ZoneId zone;
        private final Map<String, long[]> counts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
                return size() > MAX_CITIZENS;
            }
        };

        public InProcess(int perDay, ZoneId zone) {
            this.perDay = perDay;
            this.zone = zone;
        }

        @Override
        public synchronized boolean take(ChannelIdentity citizen, Instant now) {
            long day = LocalDate.ofInstant(now, zone).toEpochDay();
            long[] count = counts.computeIfAbsent(citizen.key(), k -> new long[] {day, 0});
            if (count[0] != day) {
                count[0] = day;
                count[1] = 0;
            }
            if (count[1] >= perDay) {
                return false;
            }
            count[1]++;
            return true;
        }

        @Override
        public synchronized int left(ChannelIdentity citizen, Instant now) {
            long[] count = counts.get(citizen.key());
            long used = count == null || count[0] != LocalDate.ofInstant(now, zone).toEpochDay() ? 0 : count[1];
            return (int) Math.max(0, perDay - used);
        }
    }

    /** In Redis: one counter per citizen and day, expiring with the day. */
    final class InRedis implements DailyCaps {

        private static final String TAKE = """
                local used = tonumber(redis.call('GET', KEYS[1]) or '0')
                if used >= tonumber(ARGV[1]) then return 0 end
                redis.call('INCR', KEYS[1])
                redis.call('PEXPIRE', KEYS[1], ARGV[2])
                return 1""";

        private final StatefulRedisConnection<String, String> redis;
        private final String keyPrefix;
        private final int perDay;
        private final ZoneId zone;

        public InRedis(StatefulRedisConnection<String, String> redis, String keyPrefix, int perDay, ZoneId zone) {
            this.redis = redis;
            this.keyPrefix = keyPrefix;
            this.perDay = perDay;
            this.zone = zone;
        }

        @Override
        public boolean take(ChannelIdentity citizen, Instant now) {
            LocalDate day = LocalDate.ofInstant(now, zone);
            // the key names its day; it lives a little past the day's end, counted from the caller's clock
            long untilTomorrow = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - now.toEpochMilli();
            long ttl = untilTomorrow + java.time.Duration.ofHours(1).toMillis();
            Long taken = redis.sync().eval(TAKE, ScriptOutputType.INTEGER, new String[] {key(citizen, day)},
                    Integer.toString(perDay), Long.toString(ttl));
            return taken != null && taken == 1;
        }

        @Override
        public int left(ChannelIdentity citizen, Instant now) {
            String used = redis.sync().get(key(citizen, LocalDate.ofInstant(now, zone)));
            return (int) Math.max(0, perDay - (used == null ? 0 : Long.parseLong(used)));
        }

        private String key(ChannelIdentity citizen, LocalDate day) {
            return keyPrefix + "daily-cap:" + citizen.key() + ":" + day;
        }
    }
}
