package org.lawline.handoff.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class HotlineHoursTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final Duration HALF_AN_HOUR = Duration.ofMinutes(30);

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), CITY).toInstant();
    }

    @Test
    void inHoursTheCallbackIsDueWithinHalfAnHour() {
        HotlineHours hours = HotlineHours.parse("09:00-18:00", CITY);
        assertThat(hours.dueBy(at("2026-12-04T10:15"), HALF_AN_HOUR)).isEqualTo(at("2026-12-04T10:45"));
    }

    @Test
    void afterClosingItIsDueTheNextMorning() {
        HotlineHours hours = HotlineHours.parse("09:00-18:00", CITY);
        assertThat(hours.openAt(at("2026-12-04T18:00"))).isFalse();
        assertThat(hours.dueBy(at("2026-12-04T18:00"), HALF_AN_HOUR)).isEqualTo(at("2026-12-05T09:30"));
        assertThat(hours.dueBy(at("2026-12-05T02:00"), HALF_AN_HOUR)).isEqualTo(at("2026-12-05T09:30"));
    }

    @Test
    void onAFridayEveningWithWeekdayHoursItIsDueOnMonday() {
        // 2026-12-04 is a Friday
        HotlineHours hours = HotlineHours.parse("MON-FRI 09:00-17:30", CITY);
        assertThat(hours.dueBy(at("2026-12-04T17:45"), HALF_AN_HOUR)).isEqualTo(at("2026-12-07T09:30"));
        assertThat(hours.openAt(at("2026-12-05T10:00"))).isFalse();
    }

    @Test
    void aMalformedSettingIsRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> HotlineHours.parse("9-18", CITY)).hasMessageContaining("09:00-18:00");
        assertThatThrownBy(() -> HotlineHours.parse("18:00-09:00", CITY)).hasMessageContaining("open before");
    }
}
