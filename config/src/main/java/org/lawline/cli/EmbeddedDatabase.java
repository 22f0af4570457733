package org.lawline.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;

/**
 * Locks down the embedded H2 database of a default run before Spring opens it. H2's AUTO_SERVER
 * (what lets {@code ./lawline import} and {@code ask} share the file with a running service) opens
 * a TCP port: here it is bound to the loopback interface only, and the database's user gets a
 * generated password kept next to the database file, readable by its owner alone (mode 0600), so
 * neither the network nor another local user can open it. Nothing changes when
 * {@code LAWLINE_DATABASE_URL} names another database.
 */
final class EmbeddedDatabase {

    /** H2 reads this once, when its classes load: set it before anything touches H2. */
    static final String BIND_ADDRESS = "h2.bindAddress";

    static final String PASSWORD_FILE = "lawline.db-password";

    private static final SecureRandom RANDOM = new SecureRandom();

    private EmbeddedDatabase() {
    }

    /** The embedded database of {@code application.yml}'s default, under {@code home/data}. */
    static String url(Path home) {
        return "jdbc:h2:file:" + home.resolve("data").resolve("lawline") + ";AUTO_SERVER=TRUE";
    }

    /**
     * For a default run (no {@code LAWLINE_DATABASE_URL}, no {@code LAWLINE_DATABASE_PASSWORD}):
     * binds H2's server to loopback and sets {@code spring.datasource.password} to the password
     * kept in {@code data/lawline.db-password}, made on first use.
     */
    static void secure(Map<String, String> environment) {
        if (!environment.getOrDefault("LAWLINE_DATABASE_URL", "").isBlank()) {
            return;
        }
        System.setProperty(BIND_ADDRESS, "127.0.0.1");
        if (!environment.getOrDefault("LAWLINE_DATABASE_PASSWORD", "").isEmpty()) {
            return;
        }
        Path home = Path.of(environment.getOrDefault("LAWLINE_HOME", "."));
        System.setProperty("spring.datasource.password", password(home));
    }

    /**
     * The database's password, made on first use. A database made before there was a password
     * (user {@code sa}, blank) gets this one set, so an upgrade keeps its data.
     */
    static String password(Path home) {
        Path data = home.resolve("data");
        Path file = data.resolve(PASSWORD_FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(data);
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            String password = HexFormat.of().formatHex(bytes);
            if (Files.exists(data.resolve("lawline.mv.db"))) {
                setOn(home, password);
            }
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException anotherCommandWasFirst) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.writeString(file, password + "\n", StandardCharsets.US_ASCII);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the database password in " + file, e);
        }
    }

    private static void setOn(Path home, String password) {
        try (Connection connection = DriverManager.getConnection(url(home), "sa", "");
             Statement statement = connection.createStatement()) {
            // hex digits only: safe inside the literal
            statement.execute("ALTER USER SA SET PASSWORD '" + password + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set a password on the embedded database " + home.resolve("data")
                    + " (is it open elsewhere with another password?): " + e.getMessage(), e);
        }
    }
}
