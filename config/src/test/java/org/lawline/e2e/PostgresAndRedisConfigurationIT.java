package org.lawline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.Conversations;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.Reply;
import org.lawline.conversation.ReplyKind;
import org.lawline.storage.DropsPostgresSchemaAfterContext;
import org.lawline.storage.PostgresTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * The application configured the way a multi-instance deployment runs it — PostgreSQL through
 * LAWLINE_DATABASE_URL's property and Redis through LAWLINE_REDIS_URL's — against the real
 * servers on this machine.
 */
@DirtiesContext
@TestExecutionListeners(listeners = DropsPostgresSchemaAfterContext.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PostgresAndRedisConfigurationIT {

    private static final String SCHEMA = "lawline_it_" + UUID.randomUUID().toString().replace("-", "");
    private static final String REDIS = "redis://127.0.0.1:6379";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresTestDatabase.URL, PostgresTestDatabase.USER, "")) {
            c.createStatement().execute("create schema " + SCHEMA);
        }
        registry.add("spring.datasource.url", () -> PostgresTestDatabase.URL + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("lawline.redis.url", () -> REDIS);
        registry.add("lawline.conversation.transcript.journal-dir", () -> "target/transcript-journal-it");
    }

    @Autowired
    Conversations conversations;

    @Autowired
    JdbcClient db;

    @Test
    void theBundledKnowledgeBaseIsSeededIntoPostgres() {
        int entries = db.sql("select count(*) from faq_entry").query(Integer.class).single();
        assertThat(entries).isGreaterThanOrEqualTo(150);
    }

    @Test
    void conversationStateLivesInRedis() {
        ChannelIdentity citizen = new ChannelIdentity(Channel.WEB, "default", "it-" + UUID.randomUUID());
        Reply reply = conversations.handle(new InboundMessage(citizen, UUID.randomUUID().toString(), "转人工", Instant.now()));
        assertThat(reply.kind()).isEqualTo(ReplyKind.HANDOFF);

        RedisClient client = RedisClient.create(REDIS);
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            assertThat(redis.sync().keys("*" + citizen.citizenId() + "*")).isNotEmpty();
        } finally {
            client.shutdown();
        }
        assertThat(conversations.stateOf(citizen)).isEqualTo(DialogState.QUEUED);
    }
}
