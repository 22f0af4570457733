package org.lawline.channels.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every rate limiter does, in process and in Redis alike. */
abstract class RateLimiterContract {

    /** Twenty seconds into a minute: forty seconds are left in its window. */
    final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T10:15:20Z"));
    final String key = "test:" + UUID.randomUUID();

    abstract RateLimiter limiter();

    @Test
    void allowsTheLimitAndRefusesTheNextUntilTheMinuteEnds() {
        RateLimiter limiter = limiter();
        for (int i = 0; i < 30; i++) {
            assertThat(limiter.take(key, 30).allowed()).as("request %d", i + 1).isTrue();
        }
        RateLimiter.Verdict refused = limiter.take(key, 30);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(40);

        clock.advance(Duration.ofSeconds(40));
        assertThat(limiter.take(key, 30).allowed()).isTrue();
    }

    @Test
    void eachKeyHasItsOwnAllowance() {
        RateLimiter limiter = limiter();
        assertThat(limiter.take(key, 1).allowed()).isTrue();
        assertThat(limiter.take(key, 1).allowed()).isFalse();
        assertThat(limiter.take(key + "-other", 1).allowed()).isTrue();
    }
}
