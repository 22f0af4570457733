package org.lawline.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The accounts of the people who sign in ({@code staff_account}). Passwords reach this class in
 * clear only to be hashed; nothing here logs them. Thread safe.
 */
public class StaffAccounts {

    /** Ten characters: the floor; a pass phrase of a few words passes it easily. */
    public static final int MIN_PASSWORD_LENGTH = 10;

    private final JdbcClient db;
    private final PasswordEncoder passwords;
    private final Clock clock;

    StaffAccounts(JdbcClient db, PasswordEncoder passwords, Clock clock) {
        this.db = db;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Adds an enabled account.
     *
     * @throws PasswordTooShort when the password has fewer than {@link #MIN_PASSWORD_LENGTH} characters
     * @throws UsernameTaken    when the username is in use
     */
    public StaffAccount add(String username, String displayName, Role role, String password) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new IllegalArgumentException("用户名只能含字母、数字和 . _ @ -（最多 64 个字符）");
        }
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw new PasswordTooShort();
        }
        String shown = displayName == null || displayName.isBlank() ? username : displayName.strip();
        try {
            db.sql("""
                    insert into staff_account (username, display_name, role, password_hash, enabled, failed_logins, created_at)
                    values (:username, :displayName, :role, :hash, true, 0, :at)""")
                    .param("username", username)
                    .param("displayName", shown)
                    .param("role", role.name())
                    .param("hash", passwords.encode(password))
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new UsernameTaken(username);
        }
        return find(username).orElseThrow();
    }

    /** Disables the account; its sessions end at their next request. @return whether it existed */
    public boolean disable(String username) {
        return db.sql("update staff_account set enabled = false where username = :u").param("u", username).update() > 0;
    }

    public Optional<StaffAccount> find(String username) {
        return db.sql("select * from staff_account where username = :u").param("u", username).query(StaffAccounts::row).optional();
    }

    public boolean anyAdministrator() {
        return db.sql("select count(*) from staff_account where role = 'ADMIN'").query(Integer.class).single() > 0;
    }

    /** Enabled accounts with this role, by username. */
    public List<StaffAccount> active(Role role) {
        return db.sql("select * from staff_account where role = :r and enabled = true order by username")
                .param("r", role.name()).query(StaffAccounts::row).list();
    }

    /**
     * Counts a wrong password; the {@code maxFailures}-th in a row locks the account until
     * {@code lockedUntil} and starts the count afresh. One statement, so concurrent failures all count.
     */
    void failedLogin(String username, int maxFailures, Instant lockedUntil) {
        db.sql("""
                update staff_account set
                    locked_until = case when failed_logins + 1 >= :max then :until else locked_until end,
                    failed_logins = case when failed_logins + 1 >= :max then 0 else failed_logins + 1 end
                where username = :u""")
                .param("max", maxFailures)
                .param("until", Timestamp.from(lockedUntil))
                .param("u", username)
                .update();
    }

    void succeededLogin(String username) {
        db.sql("update staff_account set failed_logins = 0, locked_until = null where username = :u").param("u", username).update();
    }

    private static StaffAccount row(ResultSet rs, int n) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new StaffAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getString("password_hash"), rs.getBoolean("enabled"),
                rs.getInt("failed_logins"), Optional.ofNullable(locked).map(Timestamp::toInstant));
    }
}
