package org.lawline.channels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Every module's migration on this classpath ({@code db/migration/**}{@code /V*__*.sql}), run as
 * plain SQL in version order, as the config module's Flyway would run them. Flyway itself is not
 * on this module's classpath, and a schema built from the real files is the one production has.
 */
public final class Migrations {

    private static final Pattern VERSIONED = Pattern.compile("V([0-9._]+)__.*\\.sql");

    private Migrations() {
    }

    public static void applyAll(DataSource database) {
        List<Resource> scripts = versioned();
        new ResourceDatabasePopulator(scripts.toArray(Resource[]::new)).execute(database);
    }

    /** This module's own migrations, in version order: what a test of one channel alone needs. */
    public static Resource[] channels() {
        return of("channels");
    }

    /** The migrations of these modules ({@code db/migration/<module>/}), in version order. */
    public static Resource[] of(String... modules) {
        return versioned().stream().filter(script -> {
            try {
                String url = script.getURL().toString();
                return java.util.Arrays.stream(modules).anyMatch(module -> url.contains("/db/migration/" + module + "/"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toArray(Resource[]::new);
    }

    static List<Resource> versioned() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/**/V*__*.sql");
            return Arrays.stream(found)
                    .filter(script -> VERSIONED.matcher(script.getFilename()).matches())
                    .sorted(Comparator.comparing(Migrations::version, Migrations::compareVersions))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the migrations on the classpath", e);
        }
    }

    private static long[] version(Resource script) {
        Matcher matcher = VERSIONED.matcher(script.getFilename());
        matcher.matches();
        return Arrays.stream(matcher.group(1).split("[._]")).filter(part -> !part.isEmpty()).mapToLong(Long::parseLong).toArray();
    }

    private static int compareVersions(long[] a, long[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int c = Long.compare(i < a.length ? a[i] : 0, i < b.length ? b[i] : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
