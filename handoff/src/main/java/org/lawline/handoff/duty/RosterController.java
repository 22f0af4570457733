package org.lawline.handoff.duty;

import java.security.Principal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.lawline.handoff.DutyLawyers;
import org.lawline.handoff.HandoffSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The duty roster's JSON API ({@code /api/inbox/roster}, ADMIN only by the application's security
 * configuration): weekly shifts per lawyer by weekday and time of day in city time, holidays that
 * replace their day's weekly shifts with shifts of their own, and who is on duty now. An edit
 * takes effect at once: {@link DutyRoster} reads the rows on every question.
 */
@RestController
@ConditionalOnWebApplication
@RequestMapping(path = "/api/inbox/roster", produces = MediaType.APPLICATION_JSON_VALUE)
class RosterController {

    private static final Logger log = LoggerFactory.getLogger(RosterController.class);
    /** A holiday's name is a word or two (国庆节); the column holds 64. */
    private static final int MAX_HOLIDAY_NAME = 64;

    record ShiftView(long id, String lawyer, String lawyerName, int weekday, String starts, String ends) {
    }

    record HolidayShiftView(long id, String lawyer, String lawyerName, String starts, String ends) {
    }

    record HolidayView(String date, String name, List<HolidayShiftView> shifts) {
    }

    record LawyerView(String username, String displayName, boolean away, boolean onDuty) {
    }

    record RosterView(String zone, boolean configured, List<ShiftView> shifts, List<HolidayView> holidays, List<LawyerView> lawyers) {
    }

    record Error(String error) {
    }

    private final RosterRecords records;
    private final DutyRoster roster;
    private final DutyLawyers lawyers;
    private final HandoffSettings settings;
    private final Clock clock;

    RosterController(JdbcClient db, DutyRoster roster, DutyLawyers lawyers, HandoffSettings settings, Clock clock) {
        this.records = new RosterRecords(db);
        this.roster = roster;
        this.lawyers = lawyers;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping
    RosterView roster() {
        Instant now = clock.instant();
        Set<String> onDuty = roster.onDutyAt(now).stream().map(DutyLawyers.DutyLawyer::username).collect(Collectors.toSet());
        List<RosterRecords.Shift> shifts = records.shifts();
        List<RosterRecords.Holiday> holidays = records.holidays();
        return new RosterView(settings.zone().getId(), !shifts.isEmpty() || holidays.stream().anyMatch(h -> !h.shifts().isEmpty()),
                shifts.stream().map(this::view).toList(),
                holidays.stream().map(this::view).toList(),
                lawyers.active().stream().map(l -> new LawyerView(l.username(), l.displayName(), roster.isAway(l.username()),
                        onDuty.contains(l.username()))).toList());
    }

    /** {@code {"lawyer", "weekday": 1 (Monday) … 7, "starts": "09:00", "ends": "18:00"}}; an end not after the start is the next day's. */
    @PostMapping("/shifts")
    ResponseEntity<?> addShift(@RequestBody(required = false) Map<String, Object> body, Principal admin) {
        Optional<DutyLawyers.DutyLawyer> lawyer = lawyer(body);
        if (lawyer.isEmpty()) {
            return bad("lawyer 须是一位在用的律师账号");
        }
        Optional<DayOfWeek> day = body.get("weekday") instanceof Integer n && n >= 1 && n <= 7 ? Optional.of(DayOfWeek.of(n)) : Optional.empty();
        if (day.isEmpty()) {
            return bad("weekday 须是 1（周一）到 7（周日）");
        }
        Optional<LocalTime> starts = time(body.get("starts"));
        Optional<LocalTime> ends = time(body.get("ends"));
        if (starts.isEmpty() || ends.isEmpty()) {
            return bad("starts 和 ends 须是 HH:MM 格式的时间");
        }
        RosterRecords.Shift shift = records.addShift(lawyer.get().username(), day.get(), starts.get(), ends.get());
        log.info("{} added duty shift {} for {} on {} {}-{}", admin.getName(), shift.id(), shift.lawyer(), shift.day(), shift.starts(), shift.ends());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(shift));
    }

    @DeleteMapping("/shifts/{id}")
    ResponseEntity<?> removeShift(@PathVariable long id, Principal admin) {
        if (!records.removeShift(id)) {
            return notFound("没有这个班次");
        }
        log.info("{} removed duty shift {}", admin.getName(), id);
        return ResponseEntity.noContent().build();
    }

    /** {@code {"name": "国庆节"}}: the day becomes a holiday (or is renamed); its weekly shifts no longer apply. */
    @PutMapping("/holidays/{date}")
    ResponseEntity<?> putHoliday(@PathVariable String date, @RequestBody(required = false) Map<String, Object> body, Principal admin) {
        Optional<LocalDate> day = date(date);
        if (day.isEmpty()) {
            return bad("日期须是 YYYY-MM-DD 格式");
        }
        String name = body == null || !(body.get("name") instanceof String s) ? "" : s.strip();
        if (name.isEmpty() || name.length() > MAX_HOLIDAY_NAME) {
            return bad("name 须是 1 到 " + MAX_HOLIDAY_NAME + " 个字的节假日名称");
        }
        RosterRecords.Holiday holiday = records.putHoliday(day.get(), name);
        log.info("{} declared {} a holiday", admin.getName(), holiday.day());
        return ResponseEntity.ok(view(holiday));
    }

    @DeleteMapping("/holidays/{date}")
    ResponseEntity<?> removeHoliday(@PathVariable String date, Principal admin) {
        Optional<LocalDate> day = date(date);
        if (day.isEmpty()) {
            return bad("日期须是 YYYY-MM-DD 格式");
        }
        if (!records.removeHoliday(day.get())) {
            return notFound("这一天不是节假日");
        }
        log.info("{} made {} an ordinary day again", admin.getName(), day.get());
        return ResponseEntity.noContent().build();
    }

    /** {@code {"lawyer", "starts", "ends"}}: a shift on that holiday only. */
    @PostMapping("/holidays/{date}/shifts")
    ResponseEntity<?> addHolidayShift(@PathVariable String date, @RequestBody(required = false) Map<String, Object> body, Principal admin) {
        Optional<LocalDate> day = date(date);
        if (day.isEmpty()) {
            return bad("日期须是 YYYY-MM-DD 格式");
        }
        if (records.holiday(day.get()).isEmpty()) {
            return notFound("这一天不是节假日，请先添加节假日");
        }
        Optional<DutyLawyers.DutyLawyer> lawyer = lawyer(body);
        if (lawyer.isEmpty()) {
            return bad("lawyer 须是一位在用的律师账号");
        }
        Optional<LocalTime> starts = time(body.get("starts"));
        Optional<LocalTime> ends = time(body.get("ends"));
        if (starts.isEmpty() || ends.isEmpty()) {
            return bad("starts 和 ends 须是 HH:MM 格式的时间");
        }
        RosterRecords.HolidayShift shift = records.addHolidayShift(day.get(), lawyer.get().username(), starts.get(), ends.get());
        log.info("{} added holiday shift {} for {} on {}", admin.getName(), shift.id(), shift.lawyer(), day.get());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(shift));
    }

    @DeleteMapping("/holiday-shifts/{id}")
    ResponseEntity<?> removeHolidayShift(@PathVariable long id, Principal admin) {
        if (!records.removeHolidayShift(id)) {
            return notFound("没有这个班次");
        }
        log.info("{} removed holiday shift {}", admin.getName(), id);
        return ResponseEntity.noContent().build();
    }

    private Optional<DutyLawyers.DutyLawyer> lawyer(Map<String, Object> body) {
        return body != null && body.get("lawyer") instanceof String name && name.length() <= 64 ? lawyers.find(name.strip()) : Optional.empty();
    }

    /** HH:MM on the city's clock; seconds are not part of a shift. */
    private static Optional<LocalTime> time(Object given) {
        if (!(given instanceof String text) || !text.matches("\\d{2}:\\d{2}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(String text) {
        if (text == null || !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private ShiftView view(RosterRecords.Shift s) {
        return new ShiftView(s.id(), s.lawyer(), shownName(s.lawyer()), s.day().getValue(), s.starts().toString(), s.ends().toString());
    }

    private HolidayShiftView view(RosterRecords.HolidayShift s) {
        return new HolidayShiftView(s.id(), s.lawyer(), shownName(s.lawyer()), s.starts().toString(), s.ends().toString());
    }

    private HolidayView view(RosterRecords.Holiday h) {
        return new HolidayView(h.day().toString(), h.name(), h.shifts().stream().map(this::view).toList());
    }

    /** A shift of a lawyer whose account was disabled stays listed, by username, until removed. */
    private String shownName(String username) {
        return lawyers.find(username).map(DutyLawyers.DutyLawyer::displayName).orElse(username);
    }

    private static ResponseEntity<?> bad(String message) {
        return ResponseEntity.badRequest().body(new Error(message));
    }

    private static ResponseEntity<?> notFound(String message) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Error(message));
    }
}
