package org.lawline.retention;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.lawline.storage.PostgresTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Retention on the real PostgreSQL on this machine, in a schema of its own that is dropped afterwards. */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class PostgresRetentionIT extends RetentionContract {

    private static final String SCHEMA = "lawline_retention_" + UUID.randomUUID().toString().replace("-", "");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresTestDatabase.URL, PostgresTestDatabase.USER, "")) {
            c.createStatement().execute("create schema " + SCHEMA);
        }
        registry.add("spring.datasource.url", () -> PostgresTestDatabase.URL + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("lawline.conversation.transcript.journal-dir", () -> "target/transcript-journal-" + SCHEMA);
    }

    /**
     * The context goes right after this (it is dirtied): left in Spring's context cache, its
     * pollers would go on reading the dropped schema while later test classes run.
     */
    @AfterAll
    static void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresTestDatabase.URL, PostgresTestDatabase.USER, "")) {
            c.createStatement().execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }
}
