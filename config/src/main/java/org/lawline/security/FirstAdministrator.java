package org.lawline.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * A fresh install has no account and no default password: the first administrator comes from
 * {@code LAWLINE_ADMIN_USERNAME} and {@code LAWLINE_ADMIN_PASSWORD} at start, and only while no
 * administrator exists, so changing the variables later does not reset anything.
 */
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final StaffAccounts accounts;
    private final SecuritySettings settings;

    FirstAdministrator(StaffAccounts accounts, SecuritySettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyAdministrator()) {
            return;
        }
        if (settings.adminUsername().isEmpty() || settings.adminPassword().isEmpty()) {
            log.warn("No administrator account: set LAWLINE_ADMIN_USERNAME and LAWLINE_ADMIN_PASSWORD, "
                    + "or run ./lawline user add NAME --role ADMIN");
            return;
        }
        try {
            accounts.add(settings.adminUsername(), settings.adminUsername(), Role.ADMIN, settings.adminPassword());
            log.info("Created the first administrator {}", settings.adminUsername());
        } catch (PasswordTooShort e) {
            throw new IllegalStateException("LAWLINE_ADMIN_PASSWORD is too short: at least "
                    + StaffAccounts.MIN_PASSWORD_LENGTH + " characters");
        } catch (UsernameTaken e) {
            log.warn("LAWLINE_ADMIN_USERNAME {} names an existing account that is not an administrator; none created",
                    settings.adminUsername());
        }
    }
}
