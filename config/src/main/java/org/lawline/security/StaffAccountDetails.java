package org.lawline.security;

import java.time.Clock;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Spring Security's view of a {@link StaffAccount}: disabled and locked accounts cannot sign in. */
class StaffAccountDetails implements UserDetailsService {

    private final StaffAccounts accounts;
    private final Clock clock;

    StaffAccountDetails(StaffAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        StaffAccount account = accounts.find(username).orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())))
                .disabled(!account.enabled())
                .accountLocked(account.lockedAt(clock.instant()))
                .build();
    }
}
