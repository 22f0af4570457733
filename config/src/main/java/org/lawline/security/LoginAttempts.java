package org.lawline.security;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

/**
 * Locks an account after {@link SecuritySettings#maxFailedLogins()} wrong passwords in a row, for
 * {@link SecuritySettings#lockFor()}, so a password cannot be guessed online. A success starts the
 * count afresh. Wrong passwords for a locked account are refused before they are checked, so they
 * neither count nor extend the lock.
 */
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final StaffAccounts accounts;
    private final SecuritySettings settings;
    private final Clock clock;

    LoginAttempts(StaffAccounts accounts, SecuritySettings settings, Clock clock) {
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    public void on(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        accounts.failedLogin(username, settings.maxFailedLogins(), clock.instant().plus(settings.lockFor()));
        // the username only: never the password that was tried
        log.info("Failed login for {}", username);
    }

    @EventListener
    public void on(AuthenticationSuccessEvent event) {
        accounts.succeededLogin(event.getAuthentication().getName());
    }
}
