package org.lawline.handoff.duty;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.lawline.handoff.DutyLawyers.DutyLawyer;

/**
 * The duty roster as a value: weekly shifts, holidays with shifts of their own, in the city's
 * time zone. A pure function of the instant, so its edges (midnight, a shift change, a holiday)
 * are tested with a moved clock.
 */
public record Roster(List<WeeklyShift> weekly, Set<LocalDate> holidays, List<HolidayShift> holidayShifts, ZoneId zone) {

    /** Every {@code day} from {@code starts} to {@code ends}; an end not after the start is the next day's. */
    public record WeeklyShift(String lawyer, DayOfWeek day, LocalTime starts, LocalTime ends) {
    }

    /** A shift on one holiday; holidays replace the weekly shifts of their day. */
    public record HolidayShift(String lawyer, LocalDate day, LocalTime starts, LocalTime ends) {
    }

    public Roster {
        weekly = List.copyOf(weekly);
        holidays = Set.copyOf(holidays);
        holidayShifts = List.copyOf(holidayShifts);
    }

    /** No shift configured at all: a fresh install, where every active lawyer is on duty. */
    public boolean empty() {
        return weekly.isEmpty() && holidayShifts.isEmpty();
    }

    /** The active lawyers on duty at {@code at}, less those who set themselves away. */
    public List<DutyLawyer> onDuty(Instant at, List<DutyLawyer> active, Set<String> away) {
        Set<String> rostered = empty() ? active.stream().map(DutyLawyer::username).collect(Collectors.toSet()) : rosteredAt(at);
        return active.stream().filter(l -> rostered.contains(l.username()) && !away.contains(l.username())).toList();
    }

    private Set<String> rosteredAt(Instant at) {
        LocalDateTime now = LocalDateTime.ofInstant(at, zone);
        LocalDate today = now.toLocalDate();
        // a shift that began yesterday may still run past midnight
        return java.util.stream.Stream.of(today.minusDays(1), today)
                .flatMap(day -> shiftsStarting(day).stream().filter(s -> s.covers(day, now)))
                .map(Span::lawyer)
                .collect(Collectors.toSet());
    }

    private record Span(String lawyer, LocalTime starts, LocalTime ends) {
        boolean covers(LocalDate day, LocalDateTime now) {
            LocalDateTime from = day.atTime(starts);
            LocalDateTime to = ends.isAfter(starts) ? day.atTime(ends) : day.plusDays(1).atTime(ends);
            return !now.isBefore(from) && now.isBefore(to);
        }
    }

    private List<Span> shiftsStarting(LocalDate day) {
        if (holidays.contains(day)) {
            return holidayShifts.stream().filter(s -> s.day().equals(day)).map(s -> new Span(s.lawyer(), s.starts(), s.ends())).toList();
        }
        return weekly.stream().filter(s -> s.day() == day.getDayOfWeek()).map(s -> new Span(s.lawyer(), s.starts(), s.ends())).toList();
    }
}
