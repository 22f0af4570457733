package org.lawline.handoff;

import java.util.List;
import java.util.Optional;

/**
 * The duty lawyers' accounts, as the application keeps them (the config module's sign-in owns
 * the accounts; handoff only asks). Thread safe.
 */
public interface DutyLawyers {

    /** Enabled LAWYER accounts, by username. */
    List<DutyLawyer> active();

    /** An enabled LAWYER account by username. */
    default Optional<DutyLawyer> find(String username) {
        return active().stream().filter(lawyer -> lawyer.username().equals(username)).findFirst();
    }

    /** A lawyer as the inbox shows them: {@code displayName} (张律师) to people, {@code username} in data. */
    record DutyLawyer(String username, String displayName) {
    }
}
