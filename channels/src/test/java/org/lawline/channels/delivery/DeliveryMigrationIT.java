package org.lawline.channels.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.lawline.channels.SharedInfrastructure;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The delivery migration carries what the WeChat and web tables held into the shared ones: who
 * unfollowed stays unfollowed, an answered message keeps its answer for a retry, a part left
 * sending is still there to send, all at the same instants, on a PostgreSQL session whose time
 * zone is not UTC.
 */
class DeliveryMigrationIT {

    private static final String[] BEFORE = {
            "db/migration/channels/V202611290910__web_messages.sql",
            "db/migration/channels/V202611291010__wechat.sql",
            "db/migration/channels/V202611291205__wechat_recovery.sql"};
    private static final String DELIVERY = "db/migration/channels/V202612042130__delivery.sql";

    @Test
    void rowsOfTheOldTablesAreCarriedOverAtTheSameInstants() throws Exception {
        String schema = "delivery_migration_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = DriverManager.getConnection(SharedInfrastructure.POSTGRES_URL, "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("create schema " + schema);
            try (Connection connection = DriverManager.getConnection(SharedInfrastructure.POSTGRES_URL + "?currentSchema=" + schema,
                    "postgres", "")) {
                connection.createStatement().execute("set time zone 'Asia/Shanghai'");
                DataSource database = new SingleConnectionDataSource(connection, true);
                run(database, BEFORE);
                JdbcClient jdbc = JdbcClient.create(database);
                // the old columns held UTC wall-clock times
                jdbc.sql("insert into wechat_follower values ('default', 'oLeft', false, timestamp '2026-11-30 08:00:00')").update();
                jdbc.sql("""
                        insert into wechat_inbound (account, retry_key, citizen_id, kind, status, passive_reply, received_at, updated_at)
                        values ('default', 'msg:1', 'oAsked', 'text', 'ANSWERED', '您好。', timestamp '2026-11-30 08:00:00', timestamp '2026-11-30 08:00:01')""")
                        .update();
                jdbc.sql("""
                        insert into wechat_outbound (account, citizen_id, purpose, part_no, text, state, created_at, updated_at)
                        values ('default', 'oWaiting', 'PUSH', 1, '律师回复。', 'SENDING', timestamp '2026-11-30 08:00:00', timestamp '2026-11-30 08:00:00')""")
                        .update();
                jdbc.sql("insert into web_inbound (citizen_id, message_id, reply, received_at) values ('c-1', 'm-1', '{}', timestamp '2026-11-30 08:00:00')")
                        .update();

                run(database, DELIVERY);

                assertThat(jdbc.sql("select subscribed from channel_subscriber where channel = 'wechat' and citizen_id = 'oLeft'")
                        .query(Boolean.class).single()).isFalse();
                assertThat(instant(jdbc, "select changed_at from channel_subscriber where citizen_id = 'oLeft'"))
                        .isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
                assertThat(jdbc.sql("select status || ' ' || answer from inbound_claim where channel = 'wechat' and claim_key = 'msg:1'")
                        .query(String.class).single()).isEqualTo("ANSWERED 您好。");
                assertThat(instant(jdbc, "select updated_at from inbound_claim where claim_key = 'msg:1'"))
                        .isEqualTo(Instant.parse("2026-11-30T08:00:01Z"));
                assertThat(jdbc.sql("select state from outbound_part where channel = 'wechat' and citizen_id = 'oWaiting'")
                        .query(String.class).list()).isEqualTo(List.of("SENDING"));
                assertThat(jdbc.sql("select status from inbound_claim where channel = 'web' and citizen_id = 'c-1' and claim_key = 'm-1'")
                        .query(String.class).single()).isEqualTo("ANSWERED");
            } finally {
                statement.execute("drop schema " + schema + " cascade");
            }
        }
    }

    private static Instant instant(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).single();
    }

    private static void run(DataSource database, String... scripts) {
        ResourceDatabasePopulator populator = new ResourceDatabasePopulator();
        for (String script : scripts) {
            populator.addScript(new ClassPathResource(script));
        }
        populator.execute(database);
    }
}
