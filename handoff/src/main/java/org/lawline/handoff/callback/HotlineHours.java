package org.lawline.handoff.callback;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When 12348 operators call back ({@code LAWLINE_HOTLINE_HOURS}): {@code 09:00-18:00} every day,
 * or {@code MON-FRI 09:00-18:00}, in the city's time zone. A callback requested in hours is due
 * within {@code callbackWithin}; one requested outside them is due that long after the next
 * opening (the next morning).
 */
public record HotlineHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes, ZoneId zone) {

    private static final Pattern FORMAT = Pattern.compile("(?:([A-Z]{3})-([A-Z]{3})\\s+)?(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

    public static HotlineHours parse(String text, ZoneId zone) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip().toUpperCase());
        if (!m.matches()) {
            throw new IllegalArgumentException("LAWLINE_HOTLINE_HOURS must look like 09:00-18:00 or MON-FRI 09:00-18:00: " + text);
        }
        Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
        if (m.group(1) != null) {
            DayOfWeek from = day(m.group(1));
            DayOfWeek to = day(m.group(2));
            days = EnumSet.noneOf(DayOfWeek.class);
            for (DayOfWeek d = from; ; d = d.plus(1)) {
                days.add(d);
                if (d == to) {
                    break;
                }
            }
        }
        LocalTime opens = LocalTime.parse(m.group(3));
        LocalTime closes = LocalTime.parse(m.group(4));
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("LAWLINE_HOTLINE_HOURS: the hotline must open before it closes: " + text);
        }
        return new HotlineHours(days, opens, closes, zone);
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(abbreviation)) {
                return d;
            }
        }
        throw new IllegalArgumentException("Unknown weekday in LAWLINE_HOTLINE_HOURS: " + abbreviation);
    }

    public boolean openAt(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(opens) && time.isBefore(closes);
    }

    /** When a callback requested at {@code requestedAt} is due. */
    public Instant dueBy(Instant requestedAt, Duration within) {
        if (openAt(requestedAt)) {
            return requestedAt.plus(within);
        }
        return nextOpening(requestedAt).plus(within);
    }

    Instant nextOpening(Instant after) {
        ZonedDateTime local = after.atZone(zone);
        ZonedDateTime candidate = local.toLocalDate().atTime(opens).atZone(zone);
        if (!candidate.isAfter(local)) {
            candidate = candidate.plusDays(1);
        }
        while (!days.contains(candidate.getDayOfWeek())) {
            candidate = candidate.plusDays(1);
        }
        return candidate.toInstant();
    }
}
