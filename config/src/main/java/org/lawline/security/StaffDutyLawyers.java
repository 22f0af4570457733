package org.lawline.security;

import java.util.List;
import org.lawline.handoff.DutyLawyers;

/** Handoff's view of the duty lawyers: the enabled LAWYER accounts. */
class StaffDutyLawyers implements DutyLawyers {

    private final StaffAccounts accounts;

    StaffDutyLawyers(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<DutyLawyer> active() {
        return accounts.active(Role.LAWYER).stream().map(a -> new DutyLawyer(a.username(), a.displayName())).toList();
    }
}
