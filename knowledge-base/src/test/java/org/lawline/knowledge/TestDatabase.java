package org.lawline.knowledge;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * A database with the knowledge base's schema, made by running our migration script as Flyway
 * would: H2 in memory, or a schema of its own on this machine's PostgreSQL, dropped on close,
 * so parallel runs do not meet.
 */
public final class TestDatabase implements AutoCloseable {

    /** The module's migrations, in the order Flyway runs them. */
    static final java.util.List<String> MIGRATIONS = java.util.List.of(
            "db/migration/knowledge/V202611290900__faq_entries.sql",
            "db/migration/knowledge/V202611291130__law_articles.sql",
            "db/migration/knowledge/V202611291140__faq_entry_review.sql",
            "db/migration/knowledge/V202612042252__knowledge_times_utc.sql",
            "db/migration/knowledge/V202612060900__faq_entry_bundled_version.sql");
    /** The PostgreSQL server this machine runs for tests (trust auth). */
    private static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String POSTGRES_USER = "postgres";

    private final DataSource dataSource;
    private final Runnable drop;

    private TestDatabase(DataSource dataSource, Runnable drop) {
        this.dataSource = dataSource;
        this.drop = drop;
        migrate();
    }

    public static TestDatabase h2() {
        String url = "jdbc:h2:mem:kb-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return new TestDatabase(new DriverManagerDataSource(url, "sa", ""), () -> {
            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
                s.execute("shutdown");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Fails, never skips, when PostgreSQL is not there: the tests that use it must run. */
    public static TestDatabase postgres() {
        String schema = "kb_test_" + UUID.randomUUID().toString().replace("-", "");
        admin("create schema " + schema);
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(POSTGRES_URL + "?currentSchema=" + schema, POSTGRES_USER, "");
        return new TestDatabase(dataSource, () -> admin("drop schema " + schema + " cascade"));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        drop.run();
    }

    private void migrate() {
        try (Connection c = dataSource.getConnection()) {
            for (String migration : MIGRATIONS) {
                ScriptUtils.executeSqlScript(c, new ClassPathResource(migration));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the knowledge base schema", e);
        }
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + POSTGRES_URL + " (user " + POSTGRES_USER
                    + ") is needed by this test and could not run: " + sql, e);
        }
    }
}
