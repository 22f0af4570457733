package org.lawline.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lawline.DatabaseTimeoutsAccess;

/**
 * A PostgreSQL that stops answering (SIGSTOP, as a hung server or a partitioned network does)
 * costs a request a few seconds, not a pinned thread: the settings LawLine puts on its pool
 * bound the wait for a connection and for an answer.
 */
class FrozenDatabaseIT {

    @Test
    void aFrozenDatabaseFailsTheCallersWithinTheTimeoutsInsteadOfHangingThem() throws Exception {
        assumeTrue(PrivatePostgres.available(), "PostgreSQL 15's initdb is installed");
        try (PrivatePostgres postgres = PrivatePostgres.start();
             HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(postgres.url());
            pool.setUsername("postgres");
            pool.setMaximumPoolSize(2);
            DatabaseTimeoutsAccess.apply(pool, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1));

            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                // the server's own statement timeout ends a statement that runs too long
                assertThatThrownBy(() -> statement.execute("select pg_sleep(3)")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("statement timeout");
            }

            Connection held = pool.getConnection();
            postgres.signal("STOP");

            long started = System.nanoTime();
            assertThatThrownBy(() -> {
                try (Statement statement = held.createStatement()) {
                    statement.execute("select 1");
                }
            }).isInstanceOf(SQLException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));

            started = System.nanoTime();
            assertThatThrownBy(() -> {
                try (Connection fresh = pool.getConnection(); Statement statement = fresh.createStatement()) {
                    statement.execute("select 1");
                }
            }).isInstanceOf(SQLException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
            held.close();
        }
    }
}
