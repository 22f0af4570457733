package org.lawline.conversation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import javax.sql.DataSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every migration of one module ({@code db/migration/<module>/V*__*.sql}) in version order, run as
 * written, for tests that need the module's tables without Flyway (which belongs to the config
 * module). Found on the classpath, so a new migration is never left out of a test.
 */
public final class ModuleMigrations {

    private ModuleMigrations() {
    }

    public static void apply(DataSource database, String module) throws IOException, SQLException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/" + module + "/V*__*.sql");
        // versions are timestamps of one length, so name order is version order
        Arrays.sort(found, Comparator.comparing(Resource::getFilename));
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (Resource migration : found) {
                String sql = migration.getContentAsString(StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
                for (String command : sql.split(";")) {
                    if (!command.isBlank()) {
                        statement.execute(command);
                    }
                }
            }
        }
    }
}
