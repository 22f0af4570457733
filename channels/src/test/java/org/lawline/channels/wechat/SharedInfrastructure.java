package org.lawline.channels.wechat;

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
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The real Redis and databases on this machine, as several instances share them: a Redis key
 * prefix and a database (H2 in memory, or a fresh PostgreSQL schema) of one test run's own,
 * removed at the end. A test that needs Redis or PostgreSQL fails at once when it is down.
 */
final class SharedInfrastructure implements AutoCloseable {

    static final String REDIS_URL = "redis://127.0.0.1:6379";
    static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    enum Database { H2, POSTGRES }

    final String runId = UUID.randomUUID().toString().substring(0, 8);
    final String keyPrefix = "lawline:test:" + runId + ":";
    final RedisClient redisClient = RedisClient.create(REDIS_URL);
    final StatefulRedisConnection<String, String> redis;
    final DataSource dataSource;
    private final Database database;
    private final String schema = "wechat_it_" + runId;

    SharedInfrastructure(Database database) throws Exception {
        this.database = database;
        this.redis = redisClient.connect();
        if (database == Database.POSTGRES) {
            try (Connection connection = DriverManager.getConnection(POSTGRES_URL, "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("create schema " + schema);
            }
            this.dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), POSTGRES_URL + "?currentSchema=" + schema, "postgres", "");
        } else {
            this.dataSource = new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:wechat-" + runId + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/channels/V202611291010__wechat.sql")).execute(dataSource);
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
