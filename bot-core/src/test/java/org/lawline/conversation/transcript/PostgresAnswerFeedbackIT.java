package org.lawline.conversation.transcript;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Feedback on answers on the real PostgreSQL on this machine
 * ({@code jdbc:postgresql://127.0.0.1:5432/test}, or {@code -Dlawline.test.postgres-url}), in a
 * schema of its own that is dropped afterwards.
 */
class PostgresAnswerFeedbackIT extends AnswerFeedbackContract {

    private static final String URL = System.getProperty("lawline.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("lawline.test.postgres-user", "postgres");

    private final String schema = "feedback_" + UUID.randomUUID().toString().replace("-", "");

    @Override
    DataSource newDatabase() throws Exception {
        try (Connection connection = DriverManager.getConnection(URL, USER, ""); Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        }
        return new DriverManagerDataSource(URL + "?currentSchema=" + schema, USER, "");
    }

    @Override
    void dropDatabase() throws Exception {
        try (Connection connection = DriverManager.getConnection(URL, USER, ""); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
    }
}
