package org.lawline.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.lawline.conversation.DataSubject;
import org.lawline.conversation.PersonalDataPurge;
import org.lawline.conversation.PurgeCount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every module's {@link PersonalDataPurge}, run together: the retention purge (records older than
 * {@code LAWLINE_RETENTION}) and the deletion of one citizen's data on request. Each module
 * touches only its own tables; this class knows none of them.
 */
public final class PersonalDataPurges {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataPurges.class);

    private final List<PersonalDataPurge> modules;
    private final RetentionSettings settings;
    private final Clock clock;

    PersonalDataPurges(List<PersonalDataPurge> modules, RetentionSettings settings, Clock clock) {
        this.modules = List.copyOf(modules);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Strips every module's records older than the retention period, counted from now. */
    public PurgeReport purgeExpired() {
        Instant cutoff = clock.instant().atOffset(ZoneOffset.UTC).minus(settings.period()).toInstant();
        List<PurgeCount> counts = modules.stream().flatMap(module -> module.stripOlderThan(cutoff).stream()).toList();
        PurgeReport report = new PurgeReport("records before " + cutoff + " (retention " + settings.period() + ")", counts);
        log.info("Retention purge of records before {}: {} records stripped", cutoff, report.total());
        return report;
    }

    /** Strips or deletes one citizen's records in every module. */
    public PurgeReport forget(DataSubject citizen) {
        List<PurgeCount> counts = modules.stream().flatMap(module -> module.forget(citizen).stream()).toList();
        PurgeReport report = new PurgeReport("citizen " + citizen, counts);
        log.info("Data of {} deleted on request: {} records", citizen, report.total());
        return report;
    }
}
