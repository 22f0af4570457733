package org.lawline.channels.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lawline.channels.SharedInfrastructure;

/** The same contract against the real Redis on this machine, and the count shared by instances. */
class RedisRateLimiterIT extends RateLimiterContract {

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> one;
    private static StatefulRedisConnection<String, String> two;

    @BeforeAll
    static void connect() {
        client = RedisClient.create(SharedInfrastructure.REDIS_URL);
        one = client.connect();
        two = client.connect();
    }

    @AfterAll
    static void disconnect() {
        one.close();
        two.close();
        client.shutdown();
    }

    @Override
    RateLimiter limiter() {
        return new RateLimiter.InRedis(one, "lawline:test:rate:", clock);
    }

    @Test
    void twoInstancesShareOneAllowance() {
        RateLimiter first = new RateLimiter.InRedis(one, "lawline:test:rate:", clock);
        RateLimiter second = new RateLimiter.InRedis(two, "lawline:test:rate:", clock);
        for (int i = 0; i < 15; i++) {
            assertThat(first.take(key, 30).allowed()).isTrue();
            assertThat(second.take(key, 30).allowed()).isTrue();
        }
        assertThat(first.take(key, 30).allowed()).isFalse();
        assertThat(second.take(key, 30).allowed()).isFalse();
    }

    @Test
    void aClosedConnectionCountsInProcessInsteadOfRefusingEveryone() {
        StatefulRedisConnection<String, String> closed = client.connect();
        closed.close();
        RateLimiter limiter = new RateLimiter.InRedis(closed, "lawline:test:rate:", clock);
        assertThat(limiter.take(key, 2).allowed()).isTrue();
        assertThat(limiter.take(key, 2).allowed()).isTrue();
        assertThat(limiter.take(key, 2).allowed()).isFalse();
    }
}
