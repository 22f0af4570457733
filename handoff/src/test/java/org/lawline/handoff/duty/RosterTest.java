package org.lawline.handoff.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lawline.handoff.DutyLawyers.DutyLawyer;

/** The roster's edges with a moved clock; 2026-12-04 is a Friday in Asia/Shanghai. */
class RosterTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final DutyLawyer ZHANG = new DutyLawyer("zhang", "张律师");
    private static final DutyLawyer LI = new DutyLawyer("li", "李律师");
    private static final DutyLawyer WANG = new DutyLawyer("wang", "王律师");
    private static final List<DutyLawyer> ACTIVE = List.of(ZHANG, LI, WANG);

    /** Zhang 09:00-18:00 on Fridays, Li 18:00-09:00 (overnight) on Fridays. */
    private static final Roster FRIDAYS = new Roster(List.of(
            new Roster.WeeklyShift("zhang", DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(18, 0)),
            new Roster.WeeklyShift("li", DayOfWeek.FRIDAY, LocalTime.of(18, 0), LocalTime.of(9, 0))),
            Set.of(), List.of(), CITY);

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(CITY).toInstant();
    }

    private static List<String> onDuty(Roster roster, String local, Set<String> away) {
        return roster.onDuty(at(local), ACTIVE, away).stream().map(DutyLawyer::username).toList();
    }

    @Test
    void withNoRosterEveryActiveLawyerIsOnDutyAtAnyHour() {
        Roster none = new Roster(List.of(), Set.of(), List.of(), CITY);
        assertThat(onDuty(none, "2026-12-06T03:00", Set.of())).containsExactly("zhang", "li", "wang");
    }

    @Test
    void atAShiftChangeTheEndingShiftIsOffAndTheNextOnExactlyAtTheEdge() {
        assertThat(onDuty(FRIDAYS, "2026-12-04T17:59:59", Set.of())).containsExactly("zhang");
        assertThat(onDuty(FRIDAYS, "2026-12-04T18:00", Set.of())).containsExactly("li");
    }

    @Test
    void anOvernightShiftRunsPastMidnightIntoTheNextDay() {
        assertThat(onDuty(FRIDAYS, "2026-12-04T23:59:59", Set.of())).containsExactly("li");
        assertThat(onDuty(FRIDAYS, "2026-12-05T00:00", Set.of())).containsExactly("li");
        assertThat(onDuty(FRIDAYS, "2026-12-05T08:59:59", Set.of())).containsExactly("li");
        assertThat(onDuty(FRIDAYS, "2026-12-05T09:00", Set.of())).isEmpty();
    }

    @Test
    void nobodyIsOnDutyOutsideEveryShift() {
        assertThat(onDuty(FRIDAYS, "2026-12-03T12:00", Set.of())).isEmpty();
    }

    @Test
    void aHolidayReplacesTheWeeklyShiftsWithItsOwn() {
        Roster holiday = new Roster(FRIDAYS.weekly(), Set.of(LocalDate.of(2026, 12, 4)),
                List.of(new Roster.HolidayShift("wang", LocalDate.of(2026, 12, 4), LocalTime.of(10, 0), LocalTime.of(14, 0))), CITY);
        assertThat(onDuty(holiday, "2026-12-04T09:30", Set.of())).isEmpty();
        assertThat(onDuty(holiday, "2026-12-04T12:00", Set.of())).containsExactly("wang");
        assertThat(onDuty(holiday, "2026-12-04T20:00", Set.of())).isEmpty();
    }

    @Test
    void aLawyerWhoIsAwayIsNotOnDutyDuringTheirShift() {
        assertThat(onDuty(FRIDAYS, "2026-12-04T12:00", Set.of("zhang"))).isEmpty();
    }

    @Test
    void aDisabledAccountIsNotOnDutyEvenIfRostered() {
        List<String> onDuty = FRIDAYS.onDuty(at("2026-12-04T12:00"), List.of(LI, WANG), Set.of()).stream().map(DutyLawyer::username).toList();
        assertThat(onDuty).isEmpty();
    }
}
