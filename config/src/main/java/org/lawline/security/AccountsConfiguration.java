package org.lawline.security;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts and password hashing: needed by the server and by {@code ./lawline user} alike. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class AccountsConfiguration {

    /** BCrypt today; the {id} prefix lets a later encoder take over without resetting passwords. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    StaffAccounts staffAccounts(JdbcClient db, PasswordEncoder passwordEncoder, Clock clock) {
        return new StaffAccounts(db, passwordEncoder, clock);
    }

    @Bean
    StaffDutyLawyers staffDutyLawyers(StaffAccounts accounts) {
        return new StaffDutyLawyers(accounts);
    }

    @Bean
    StaffAccountDetails staffAccountDetails(StaffAccounts accounts, Clock clock) {
        return new StaffAccountDetails(accounts, clock);
    }

    @Bean
    LoginAttempts loginAttempts(StaffAccounts accounts, SecuritySettings settings, Clock clock) {
        return new LoginAttempts(accounts, settings, clock);
    }

    @Bean
    FirstAdministrator firstAdministrator(StaffAccounts accounts, SecuritySettings settings) {
        return new FirstAdministrator(accounts, settings);
    }
}
