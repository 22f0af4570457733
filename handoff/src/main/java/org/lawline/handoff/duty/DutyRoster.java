package org.lawline.handoff.duty;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lawline.handoff.DutyLawyers;
import org.lawline.handoff.HandoffSettings;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who is on duty at an instant, from the roster in the database ({@link Roster}). With no shifts
 * configured every active LAWYER account is on duty at all times, so a fresh install works;
 * nobody on duty means 转人工 goes straight to the 12348 callback.
 */
public class DutyRoster {

    private final DutyLawyers lawyers;
    private final JdbcClient db;
    private final HandoffSettings settings;

    public DutyRoster(DutyLawyers lawyers, JdbcClient db, HandoffSettings settings) {
        this.lawyers = lawyers;
        this.db = db;
        this.settings = settings;
    }

    public List<DutyLawyers.DutyLawyer> onDutyAt(Instant instant) {
        return roster().onDuty(instant, lawyers.active(), away());
    }

    public boolean anyoneOnDutyAt(Instant instant) {
        return !onDutyAt(instant).isEmpty();
    }

    /** A lawyer steps away from the inbox (or back): while away they are not on duty. */
    public void setAway(String lawyer, boolean away, Instant now) {
        db.sql("delete from lawyer_away where lawyer = :l").param("l", lawyer).update();
        if (away) {
            db.sql("insert into lawyer_away (lawyer, since) values (:l, :at)").param("l", lawyer).param("at", Timestamp.from(now)).update();
        }
    }

    public boolean isAway(String lawyer) {
        return away().contains(lawyer);
    }

    Roster roster() {
        List<Roster.WeeklyShift> weekly = db.sql("select lawyer, weekday, starts_at, ends_at from duty_shift")
                .query((rs, n) -> new Roster.WeeklyShift(rs.getString(1), DayOfWeek.of(rs.getInt(2)),
                        rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class))).list();
        Set<LocalDate> holidays = new HashSet<>(db.sql("select on_date from duty_holiday")
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).list());
        List<Roster.HolidayShift> holidayShifts = db.sql("select lawyer, on_date, starts_at, ends_at from duty_holiday_shift")
                .query((rs, n) -> new Roster.HolidayShift(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class))).list();
        return new Roster(weekly, holidays, holidayShifts, settings.zone());
    }

    private Set<String> away() {
        return new HashSet<>(db.sql("select lawyer from lawyer_away").query(String.class).list());
    }
}
