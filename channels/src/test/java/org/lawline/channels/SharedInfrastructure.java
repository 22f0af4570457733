package org.lawline.channels;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The real Redis and databases on this machine, as several instances share them: a Redis key
 * prefix and a database (H2 in memory, or a fresh PostgreSQL schema) of one test run's own, built
 * by every module's migrations and removed at the end. A test that needs Redis or PostgreSQL fails at once when it is down.
 */
public final class SharedInfrastructure implements AutoCloseable {

    public static final String REDIS_URL = "redis://127.0.0.1:6379";
    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    public enum Database { H2, POSTGRES }

    public final String runId = UUID.randomUUID().toString().substring(0, 8);
    public final String keyPrefix = "lawline:test:" + runId + ":";
    public final RedisClient redisClient = RedisClient.create(REDIS_URL);
    public final StatefulRedisConnection<String, String> redis;
    public final DataSource dataSource;
    /** The database's URL and user, for an application context of its own to open it too. */
    public final String jdbcUrl;
    public final String databaseUser;
    private final Database database;
    private final String schema = "wechat_it_" + runId;

    public SharedInfrastructure(Database database) throws Exception {
        this.database = database;
        this.databaseUser = database == Database.POSTGRES ? "postgres" : "sa";
        this.redis = redisClient.connect();
        if (database == Database.POSTGRES) {
            try (Connection connection = DriverManager.getConnection(POSTGRES_URL, "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("create schema " + schema);
            }
            this.jdbcUrl = POSTGRES_URL + "?currentSchema=" + schema;
            this.dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), jdbcUrl, "postgres", "");
        } else {
            this.jdbcUrl = "jdbc:h2:mem:wechat-" + runId + ";DB_CLOSE_DELAY=-1";
            this.dataSource = new SimpleDriverDataSource(new org.h2.Driver(), jdbcUrl, "sa", "");
        }
        Migrations.applyAll(dataSource);
    }

    @Override
    public void close() throws Exception {
        try {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.sync().scan(cursor, ScanArgs.Builder.matches(keyPrefix + "*").limit(500));
                if (!page.getKeys().isEmpty()) {
                    redis.sync().del(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            redis.close();
            redisClient.shutdown();
            if (database == Database.POSTGRES) {
                try (Connection connection = DriverManager.getConnection(POSTGRES_URL, "postgres", "");
                     Statement statement = connection.createStatement()) {
                    statement.execute("drop schema " + schema + " cascade");
                }
            } else {
                try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("shutdown");
                }
            }
        }
    }
}
