package org.lawline.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every module's migrations run unchanged on the embedded default (H2) and on PostgreSQL — the
 * real server on this machine, in a schema of its own that is dropped afterwards — and leave
 * exactly the tables the scripts create. The tables are read from the scripts themselves, so a
 * module that adds a table is checked without anyone remembering to list it here; comparing
 * both ways keeps that reading honest (a table it missed would be one too many in the database).
 */
class MigrationsRunOnBothDatabasesTest {

    /** The modules that own tables; a module whose migrations drop off the classpath fails here. */
    private static final Set<String> MODULES = Set.of("knowledge", "conversation", "channels", "handoff");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    private static final Pattern DROP_TABLE = Pattern.compile("(?i)\\bdrop\\s+table\\s+(?:if\\s+exists\\s+)?(\\w+)");
    private static final String FLYWAY_HISTORY = "flyway_schema_history";

    private static Migrations migrations;

    @BeforeAll
    static void readTheScripts() throws IOException {
        migrations = Migrations.onTheClasspath();
    }

    @Test
    void everyModuleThatOwnsTablesHasItsMigrationsOnTheClasspath() {
        assertThat(migrations.modules()).containsAll(MODULES);
        assertThat(migrations.tables()).as("tables the scripts create").isNotEmpty();
    }

    @Test
    void migrationsCreateEveryTableOnH2() throws Exception {
        String url = "jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        MigrateResult result = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();

        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(migrations.scripts());
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThat(tables(c, "PUBLIC")).containsExactlyInAnyOrderElementsOf(migrations.tablesWithHistory());
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
                assertThat(result.migrationsExecuted).isEqualTo(migrations.scripts());
                assertThat(tables(admin, schema)).containsExactlyInAnyOrderElementsOf(migrations.tablesWithHistory());
            } finally {
                admin.createStatement().execute("drop schema " + schema + " cascade");
            }
        }
    }

    /** One time convention: every time column is an instant (with time zone), so no reading depends on the JVM's zone. */
    @Test
    void everyTimeColumnHoldsAnInstantOnBothDatabases() throws Exception {
        String h2 = "jdbc:h2:mem:times-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(h2, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(h2, "sa", "")) {
            assertThat(columnsOfType(c, "PUBLIC", "TIMESTAMP")).as("H2 columns without time zone").isEmpty();
        }
        String schema = "times_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(PostgresTestDatabase.URL, PostgresTestDatabase.USER, "")) {
            admin.createStatement().execute("create schema " + schema);
            try {
                Flyway.configure().dataSource(PostgresTestDatabase.URL, PostgresTestDatabase.USER, "").schemas(schema)
                        .locations("classpath:db/migration").load().migrate();
                assertThat(columnsOfType(admin, schema, "timestamp without time zone")).as("PostgreSQL columns without time zone")
                        .isEmpty();
            } finally {
                admin.createStatement().execute("drop schema " + schema + " cascade");
            }
        }
    }

    /** Columns of our tables (Flyway's own history aside) whose type is {@code type}, as table.column. */
    private static Set<String> columnsOfType(Connection c, String schema, String type) throws Exception {
        Set<String> found = new TreeSet<>();
        try (var query = c.prepareStatement("""
                select table_name, column_name from information_schema.columns
                 where table_schema = ? and data_type = ? and lower(table_name) <> ?""")) {
            query.setString(1, schema);
            query.setString(2, type);
            query.setString(3, FLYWAY_HISTORY);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1).toLowerCase(Locale.ROOT) + "." + rs.getString(2).toLowerCase(Locale.ROOT));
                }
            }
        }
        return found;
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

    /** What the versioned scripts under {@code db/migration/<module>/} say, read in version order. */
    record Migrations(Set<String> modules, int scripts, Set<String> tables) {

        static Migrations onTheClasspath() throws IOException {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*/V*__*.sql");
            Arrays.sort(found, Comparator.comparing(Migrations::version));
            Set<String> modules = new TreeSet<>();
            Set<String> tables = new TreeSet<>();
            for (Resource script : found) {
                String path = script.getURL().toString();
                String[] parts = path.split("/");
                modules.add(parts[parts.length - 2]);
                String sql = script.getContentAsString(StandardCharsets.UTF_8).replaceAll("--[^\\n]*", "");
                for (Matcher create = CREATE_TABLE.matcher(sql); create.find(); ) {
                    tables.add(create.group(1).toLowerCase(Locale.ROOT));
                }
                for (Matcher drop = DROP_TABLE.matcher(sql); drop.find(); ) {
                    tables.remove(drop.group(1).toLowerCase(Locale.ROOT));
                }
            }
            return new Migrations(modules, found.length, tables);
        }

        Set<String> tablesWithHistory() {
            Set<String> all = new TreeSet<>(tables);
            all.add(FLYWAY_HISTORY);
            return all;
        }

        /** V202611291100__turns.sql → 202611291100: versions are timestamps, so text order is version order. */
        private static String version(Resource script) {
            String name = script.getFilename();
            return name.substring(1, name.indexOf("__"));
        }
    }
}
