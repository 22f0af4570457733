package org.lawline.conversation.transcript;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A schema of a test's own on the real PostgreSQL on this machine
 * ({@code jdbc:postgresql://127.0.0.1:5432/test}, or {@code -Dlawline.test.postgres-url}), dropped
 * afterwards.
 */
final class PostgresSchema {

    private static final String URL = System.getProperty("lawline.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("lawline.test.postgres-user", "postgres");

    private final String schema;

    PostgresSchema(String prefix) {
        this.schema = prefix + UUID.randomUUID().toString().replace("-", "");
    }

    DataSource create() throws Exception {
        execute("create schema " + schema);
        return new DriverManagerDataSource(URL + "?currentSchema=" + schema, USER, "");
    }

    void drop() throws Exception {
        execute("drop schema if exists " + schema + " cascade");
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(URL, USER, ""); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
