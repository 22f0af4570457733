package org.lawline.storage;

/**
 * The PostgreSQL server this machine runs for tests (trust auth, database {@code test}); CI
 * starts it before the tests. Tests that use it fail, never skip, when it is not there.
 */
public final class PostgresTestDatabase {

    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String USER = "postgres";

    private PostgresTestDatabase() {
    }
}
