package org.lawline.handoff.duty;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The roster's rows as the administrators edit them ({@code duty_shift}, {@code duty_holiday},
 * {@code duty_holiday_shift}); {@link DutyRoster} reads the same rows on every question, so an
 * edit takes effect at once on every instance. Thread safe.
 */
class RosterRecords {

    /** A weekly shift with its row id, so that the page can remove it. */
    record Shift(long id, String lawyer, DayOfWeek day, LocalTime starts, LocalTime ends) {
    }

    /** A holiday: its weekly shifts do not apply; its own shifts do. */
    record Holiday(LocalDate day, String name, List<HolidayShift> shifts) {
    }

    record HolidayShift(long id, String lawyer, LocalTime starts, LocalTime ends) {
    }

    private final JdbcClient db;

    RosterRecords(JdbcClient db) {
        this.db = db;
    }

    List<Shift> shifts() {
        return db.sql("select id, lawyer, weekday, starts_at, ends_at from duty_shift order by weekday, starts_at, lawyer, id")
                .query((rs, n) -> new Shift(rs.getLong(1), rs.getString(2), DayOfWeek.of(rs.getInt(3)),
                        rs.getObject(4, LocalTime.class), rs.getObject(5, LocalTime.class)))
                .list();
    }

    Shift addShift(String lawyer, DayOfWeek day, LocalTime starts, LocalTime ends) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        db.sql("insert into duty_shift (lawyer, weekday, starts_at, ends_at) values (:l, :d, :s, :e)")
                .param("l", lawyer).param("d", day.getValue()).param("s", starts).param("e", ends)
                .update(key, "id");
        return new Shift(id(key), lawyer, day, starts, ends);
    }

    boolean removeShift(long id) {
        return db.sql("delete from duty_shift where id = :id").param("id", id).update() > 0;
    }

    List<Holiday> holidays() {
        List<HolidayShift> none = List.of();
        List<Holiday> days = db.sql("select on_date, name from duty_holiday order by on_date")
                .query((rs, n) -> new Holiday(rs.getObject(1, LocalDate.class), rs.getString(2), none)).list();
        return days.stream().map(h -> new Holiday(h.day(), h.name(), holidayShifts(h.day()))).toList();
    }

    Optional<Holiday> holiday(LocalDate day) {
        return holidays().stream().filter(h -> h.day().equals(day)).findFirst();
    }

    /** Declares a holiday, or renames it; its shifts stay. */
    Holiday putHoliday(LocalDate day, String name) {
        int renamed = db.sql("update duty_holiday set name = :n where on_date = :d").param("n", name).param("d", day).update();
        if (renamed == 0) {
            try {
                db.sql("insert into duty_holiday (on_date, name) values (:d, :n)").param("d", day).param("n", name).update();
            } catch (DuplicateKeyException raced) {
                // another administrator declared it a moment ago: name it as this one asked
                db.sql("update duty_holiday set name = :n where on_date = :d").param("n", name).param("d", day).update();
            }
        }
        return holiday(day).orElseThrow();
    }

    /** The day is an ordinary day again: its holiday shifts go with it. */
    boolean removeHoliday(LocalDate day) {
        db.sql("delete from duty_holiday_shift where on_date = :d").param("d", day).update();
        return db.sql("delete from duty_holiday where on_date = :d").param("d", day).update() > 0;
    }

    HolidayShift addHolidayShift(LocalDate day, String lawyer, LocalTime starts, LocalTime ends) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        db.sql("insert into duty_holiday_shift (on_date, lawyer, starts_at, ends_at) values (:d, :l, :s, :e)")
                .param("d", day).param("l", lawyer).param("s", starts).param("e", ends)
                .update(key, "id");
        return new HolidayShift(id(key), lawyer, starts, ends);
    }

    boolean removeHolidayShift(long id) {
        return db.sql("delete from duty_holiday_shift where id = :id").param("id", id).update() > 0;
    }

    private static long id(GeneratedKeyHolder key) {
        return java.util.Objects.requireNonNull(key.getKeyAs(Number.class), "the database gave the new row no id").longValue();
    }

    private List<HolidayShift> holidayShifts(LocalDate day) {
        return db.sql("select id, lawyer, starts_at, ends_at from duty_holiday_shift where on_date = :d order by starts_at, lawyer, id")
                .param("d", day)
                .query((rs, n) -> new HolidayShift(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalTime.class),
                        rs.getObject(4, LocalTime.class)))
                .list();
    }
}
