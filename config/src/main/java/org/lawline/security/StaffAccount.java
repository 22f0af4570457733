package org.lawline.security;

import java.time.Instant;
import java.util.Optional;

/**
 * One person who signs in. {@link #toString()} leaves the password hash out, so an account can be
 * logged.
 *
 * @param lockedUntil set after too many failed logins in a row; the account cannot sign in before
 */
public record StaffAccount(long id, String username, String displayName, Role role, String passwordHash, boolean enabled,
                           int failedLogins, Optional<Instant> lockedUntil) {

    public boolean lockedAt(Instant now) {
        return lockedUntil.map(now::isBefore).orElse(false);
    }

    @Override
    public String toString() {
        return "StaffAccount[" + username + ", " + role + (enabled ? "" : ", disabled") + "]";
    }
}
