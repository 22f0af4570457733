package org.lawline.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

/**
 * A separate JVM that opens the embedded database as {@code ./lawline serve} does (H2 reads its
 * bind address once per JVM, so the test needs a fresh one), says "open", and holds it until its
 * standard input closes.
 */
public final class EmbeddedDatabaseHolder {

    private EmbeddedDatabaseHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        EmbeddedDatabase.secure(Map.of("LAWLINE_HOME", home.toString()));
        try (Connection connection = DriverManager.getConnection(EmbeddedDatabase.url(home), "sa",
                System.getProperty("spring.datasource.password"));
             Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists probe (id int)");
            System.out.println("open");
            System.out.flush();
            while (System.in.read() != -1) {
                // hold the database until the test lets go
            }
        }
    }
}
