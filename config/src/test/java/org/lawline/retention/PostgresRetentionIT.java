package org.lawline.retention;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.lawline.storage.DropsPostgresSchemaAfterContext;
import org.lawline.storage.PostgresTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/** Retention on the real PostgreSQL on this machine, in a schema of its own that is dropped afterwards. */
@DirtiesContext
@TestExecutionListeners(listeners = DropsPostgresSchemaAfterContext.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
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
}
