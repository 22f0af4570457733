package org.lawline.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.support.DirtiesContextTestExecutionListener;

/**
 * Drops the PostgreSQL schema a test class's context ran on ({@code currentSchema} of its
 * {@code spring.datasource.url}) once Spring has closed that context: dropped any earlier, the
 * context's pollers (pickup timers, the outbox) would still run a moment on a schema that is gone.
 * The class must be {@code @DirtiesContext}, so that its context is closed after it, not cached.
 * "After" callbacks run in reverse order, so ordering this just before
 * {@link DirtiesContextTestExecutionListener} runs it just after the context closes.
 */
public final class DropsPostgresSchemaAfterContext implements TestExecutionListener, Ordered {

    private static final String SCHEMA = DropsPostgresSchemaAfterContext.class.getName() + ".schema";
    private static final Pattern CURRENT_SCHEMA = Pattern.compile("[?&]currentSchema=([A-Za-z0-9_]+)");

    @Override
    public int getOrder() {
        return new DirtiesContextTestExecutionListener().getOrder() - 1;
    }

    @Override
    public void prepareTestInstance(TestContext testContext) {
        String url = testContext.getApplicationContext().getEnvironment().getProperty("spring.datasource.url", "");
        Matcher schema = CURRENT_SCHEMA.matcher(url);
        if (schema.find()) {
            testContext.setAttribute(SCHEMA, schema.group(1));
        }
    }

    @Override
    public void afterTestClass(TestContext testContext) throws Exception {
        Object schema = testContext.getAttribute(SCHEMA);
        if (schema == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(PostgresTestDatabase.URL, PostgresTestDatabase.USER, "")) {
            c.createStatement().execute("drop schema if exists " + schema + " cascade");
        }
    }
}
