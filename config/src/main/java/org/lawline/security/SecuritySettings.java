package org.lawline.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sign-in, {@code lawline.security.*}.
 *
 * @param adminUsername   the first administrator, created at start when no administrator exists
 *                        ({@code LAWLINE_ADMIN_USERNAME}); blank: none is created
 * @param adminPassword   that administrator's password ({@code LAWLINE_ADMIN_PASSWORD}); never printed
 * @param maxFailedLogins wrong passwords in a row that lock an account
 * @param lockFor         how long a locked account stays locked
 */
@ConfigurationProperties("lawline.security")
record SecuritySettings(String adminUsername, String adminPassword, @DefaultValue("5") int maxFailedLogins,
                        @DefaultValue("PT15M") Duration lockFor) {

    SecuritySettings {
        adminUsername = adminUsername == null ? "" : adminUsername.strip();
        adminPassword = adminPassword == null ? "" : adminPassword;
        if (maxFailedLogins < 1 || lockFor.isNegative() || lockFor.isZero()) {
            throw new IllegalArgumentException("lawline.security: max-failed-logins must be at least 1 and lock-for positive");
        }
    }

    @Override
    public String toString() {
        return "SecuritySettings[adminUsername=" + adminUsername + ", adminPassword=" + (adminPassword.isEmpty() ? "(unset)" : "(set)")
                + ", maxFailedLogins=" + maxFailedLogins + ", lockFor=" + lockFor + "]";
    }
}
