package org.lawline.retention;

import java.time.Period;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long LawLine keeps what citizens wrote and their phone numbers.
 *
 * @param period records older than this are stripped of free text and phone numbers
 *               ({@code LAWLINE_RETENTION}, an ISO-8601 period; 180 days by default)
 * @param cron   when the daily job runs, city time (Asia/Shanghai): at night, when nobody writes
 */
@ConfigurationProperties("lawline.retention")
public record RetentionSettings(@DefaultValue("P180D") Period period, @DefaultValue("0 30 3 * * *") String cron) {

    public RetentionSettings {
        Objects.requireNonNull(period, "lawline.retention.period");
        Objects.requireNonNull(cron, "lawline.retention.cron");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("LAWLINE_RETENTION must be a positive ISO-8601 period such as P180D, got " + period);
        }
    }
}
