package org.lawline.handoff.duty;

import java.time.Instant;
import java.util.List;
import org.lawline.handoff.DutyLawyers;

/**
 * Who is on duty at an instant. With no shifts configured every active LAWYER account is on duty
 * at all times, so a fresh install works; nobody on duty means 转人工 goes straight to the
 * 12348 callback.
 */
public class DutyRoster {

    private final DutyLawyers lawyers;

    public DutyRoster(DutyLawyers lawyers) {
        this.lawyers = lawyers;
    }

    public List<DutyLawyers.DutyLawyer> onDutyAt(Instant instant) {
        return lawyers.active();
    }

    public boolean anyoneOnDutyAt(Instant instant) {
        return !onDutyAt(instant).isEmpty();
    }
}
