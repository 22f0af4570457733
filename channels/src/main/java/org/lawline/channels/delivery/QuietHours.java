package org.lawline.channels.delivery;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * The hours in which publicity may reach a citizen's phone (08:00 to 21:00, Beijing time, as the
 * rules for commercial and publicity texts ask); outside them a message waits for the next
 * morning. A platform answers {@link SendPermission.NotBefore} with {@link #notBefore}.
 */
public record QuietHours(LocalTime opens, LocalTime closes, ZoneId zone) {

    /** 08:00–21:00 in China Standard Time. */
    public static final QuietHours PUBLICITY = new QuietHours(LocalTime.of(8, 0), LocalTime.of(21, 0), ZoneId.of("Asia/Shanghai"));

    public QuietHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        Objects.requireNonNull(zone, "zone");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("The sending hours must open before they close: " + opens + "–" + closes);
        }
    }

    /** Empty when {@code now} is within the hours; else the instant they next open. */
    public Optional<Instant> notBefore(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!time.isBefore(opens) && time.isBefore(closes)) {
            return Optional.empty();
        }
        ZonedDateTime opening = local.with(opens).withSecond(0).withNano(0);
        if (!time.isBefore(closes)) {
            opening = opening.plusDays(1);
        }
        return Optional.of(opening.toInstant());
    }
}
