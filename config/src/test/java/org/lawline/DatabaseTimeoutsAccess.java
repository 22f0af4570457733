package org.lawline;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;

/** Lets tests in other packages put LawLine's database timeouts on a pool of their own. */
public final class DatabaseTimeoutsAccess {

    private DatabaseTimeoutsAccess() {
    }

    public static void apply(HikariDataSource pool, Duration connection, Duration socket, Duration statement) {
        new DatabaseTimeouts(new DatabaseSettings(connection, socket, statement)).apply(pool);
    }
}
