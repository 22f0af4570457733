package org.lawline.handoff.escalation;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Instant;
import java.util.List;

/**
 * Pickup timers in one Redis sorted set (member: escalation id, score: due time in epoch
 * milliseconds), shared by every instance. A Lua script reads the due members and removes them
 * in one step, so two instances polling at once never take the same timer. Keyspace
 * notifications and client-side delayed queues were not used: both can lose a timer.
 */
final class RedisPickupTimers implements PickupTimers {

    /** Due members, earliest first, removed in the same atomic step. */
    private static final String TAKE_DUE = """
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
            if #due > 0 then redis.call('ZREM', KEYS[1], unpack(due)) end
            return due""";

    private final StatefulRedisConnection<String, String> redis;
    private final String key;

    RedisPickupTimers(StatefulRedisConnection<String, String> redis, String key) {
        this.redis = redis;
        this.key = key;
    }

    @Override
    public void schedule(long escalationId, Instant dueAt) {
        redis.sync().zadd(key, epochMilliNotBefore(dueAt), Long.toString(escalationId));
    }

    /**
     * Scores are whole milliseconds while a due time has the clock's microseconds: rounded down, a
     * timer taken in its due millisecond could fire a fraction of a millisecond early.
     */
    private static long epochMilliNotBefore(Instant dueAt) {
        long millis = dueAt.toEpochMilli();
        return dueAt.getNano() % 1_000_000 == 0 ? millis : millis + 1;
    }

    @Override
    public void cancel(long escalationId) {
        redis.sync().zrem(key, Long.toString(escalationId));
    }

    @Override
    public List<Long> takeDue(Instant now, int max) {
        List<String> due = redis.sync().eval(TAKE_DUE, ScriptOutputType.MULTI, new String[] {key},
                Long.toString(now.toEpochMilli()), Integer.toString(max));
        return due.stream().map(Long::valueOf).toList();
    }
}
