package org.lawline.channels.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    @Test
    void publicityGoesOutBetweenEightAndNineInBeijing() {
        // 02:00Z is 10:00 in Beijing
        assertThat(QuietHours.PUBLICITY.notBefore(Instant.parse("2026-12-04T02:00:00Z"))).isEmpty();
        assertThat(QuietHours.PUBLICITY.notBefore(Instant.parse("2026-12-04T00:00:00Z"))).isEmpty();
        assertThat(QuietHours.PUBLICITY.notBefore(Instant.parse("2026-12-04T12:59:59Z"))).isEmpty();
    }

    @Test
    void atNightPublicityWaitsForTheNextMorning() {
        // 21:00 in Beijing: the next day's 08:00
        assertThat(QuietHours.PUBLICITY.notBefore(Instant.parse("2026-12-04T13:00:00Z"))).contains(Instant.parse("2026-12-05T00:00:00Z"));
        // 06:30 in Beijing: the same day's 08:00
        assertThat(QuietHours.PUBLICITY.notBefore(Instant.parse("2026-12-03T22:30:00Z"))).contains(Instant.parse("2026-12-04T00:00:00Z"));
    }
}
