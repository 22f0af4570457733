package org.lawline.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * Every module's migrations run unchanged on the embedded default (H2) and on PostgreSQL — the
 * real server on this machine, in a schema of its own that is dropped afterwards.
 */
class MigrationsRunOnBothDatabasesTest {

    private static final Set<String> TABLES = Set.of("faq_entry", "web_message", "escalation");

    @Test
    void migrationsCreateEveryTableOnH2() throws Exception {
        String url = "jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        MigrateResult result = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();

        assertThat(result.success).isTrue();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThat(tables(c, "PUBLIC")).containsAll(TABLES);
        }
    }

    @Test
    void migrationsCreateEveryTableOnPostgres() throws Exception {
        String schema = "migrations_" + UUID.randomUUID().toString().replace("-", "");
        String url = PostgresTestDatabase.URL;
        try (Connection admin = DriverManager.getConnection(url, PostgresTestDatabase.USER, "")) {
            admin.createStatement().execute("create schema " + schema);
            try {
                MigrateResult result = Flyway.configure()
                        .dataSource(url, PostgresTestDatabase.USER, "")
                        .schemas(schema)
                        .locations("classpath:db/migration")
                        .load().migrate();
                assertThat(result.success).isTrue();
                assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(3);
                assertThat(tables(admin, schema)).containsAll(TABLES);
            } finally {
                admin.createStatement().execute("drop schema " + schema + " cascade");
            }
        }
    }

    private static Set<String> tables(Connection c, String schema) throws Exception {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
