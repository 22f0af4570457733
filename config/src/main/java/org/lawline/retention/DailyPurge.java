package org.lawline.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The retention purge, once a day across every instance. Each instance's scheduler fires; the
 * first to insert the day's row into {@code purge_run} runs the purge, the others find the row
 * taken and do nothing. The database decides rather than Redis because the purge needs the
 * database anyway, and the single-machine default has no Redis. Should two runs ever overlap (a
 * run started by hand with {@code ./lawline purge}), nothing is harmed: a record already stripped
 * is not touched again.
 */
class DailyPurge {

    private static final Logger log = LoggerFactory.getLogger(DailyPurge.class);
    /** The day is the city's, as the schedule is. */
    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private final PersonalDataPurges purges;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString();

    DailyPurge(PersonalDataPurges purges, JdbcClient jdbc, Clock clock) {
        this.purges = purges;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "${lawline.retention.cron:0 30 3 * * *}", zone = "Asia/Shanghai")
    void onSchedule() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // the next day's run takes whatever this one left
            log.error("The daily retention purge failed: {}", e.toString());
        }
    }

    /** Runs today's purge unless another instance has taken it; the report when this one ran it. */
    Optional<PurgeReport> runOnce() {
        LocalDate today = LocalDate.now(clock.withZone(CITY));
        try {
            jdbc.sql("insert into purge_run (run_on, instance, started_at) values (:day, :instance, :now)")
                    .param("day", today).param("instance", instance).param("now", Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException taken) {
            log.info("The retention purge of {} is another instance's", today);
            return Optional.empty();
        }
        PurgeReport report = purges.purgeExpired();
        jdbc.sql("update purge_run set finished_at = :now, records = :records where run_on = :day")
                .param("now", Timestamp.from(clock.instant())).param("records", report.total()).param("day", today).update();
        return Optional.of(report);
    }
}
