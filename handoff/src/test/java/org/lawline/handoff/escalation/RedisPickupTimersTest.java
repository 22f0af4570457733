package org.lawline.handoff.escalation;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The shared timers on the real Redis of this machine, seen through two connections as two instances would. */
class RedisPickupTimersTest extends PickupTimersContract {

    private final String key = "test:pickup-timers:" + UUID.randomUUID();
    private RedisClient client;
    private StatefulRedisConnection<String, String> one;
    private StatefulRedisConnection<String, String> two;

    @BeforeEach
    void connect() {
        client = RedisClient.create("redis://127.0.0.1:6379");
        one = client.connect();
        two = client.connect();
    }

    @AfterEach
    void disconnect() {
        one.sync().del(key);
        one.close();
        two.close();
        client.shutdown();
    }

    @Override
    PickupTimers timers() {
        return new RedisPickupTimers(one, key);
    }

    @Override
    PickupTimers sameTimersFromAnotherInstance() {
        return new RedisPickupTimers(two, key);
    }
}
