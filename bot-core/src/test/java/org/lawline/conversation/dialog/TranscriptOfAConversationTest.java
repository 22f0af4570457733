package org.lawline.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.DialogSettings;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.LegalAidSettings;
import org.lawline.conversation.ModuleMigrations;
import org.lawline.conversation.state.InMemoryConversationStore;
import org.lawline.conversation.state.StoreTurns;
import org.lawline.conversation.transcript.JournaledTranscripts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Every turn the engine takes ends up in {@code conversation_turn}: who, what, the entry, its score, the latency, the channel. */
class TranscriptOfAConversationTest {

    @TempDir
    Path journal;

    private final ChannelIdentity citizen = new ChannelIdentity(Channel.WEIBO, "lawline", "5551234567");
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
    private JdbcTemplate sql;
    private JournaledTranscripts transcripts;
    private ConversationEngine engine;

    @BeforeEach
    void start() throws Exception {
        DriverManagerDataSource database = new DriverManagerDataSource("jdbc:h2:mem:engine-turns-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        sql = new JdbcTemplate(database);
        ModuleMigrations.apply(database, "conversation");
        transcripts = new JournaledTranscripts(database, journal, 100, Duration.ofMillis(200));
        InMemoryConversationStore store = new InMemoryConversationStore(clock, Duration.ofHours(1), 100);
        engine = new ConversationEngine(Fixtures.knowledgeBase(), store, new StoreTurns(store), event -> { },
                DialogSettings.defaults(), LegalAidSettings.defaults(), clock, transcripts);
    }

    @AfterEach
    void stop() {
        transcripts.close(Duration.ofSeconds(1));
    }

    @Test
    void aQuestionAndItsAnswerAreTwoRows() {
        engine.handle(new InboundMessage(citizen, "wb-1", Fixtures.CLEAR_QUESTION, clock.instant()));

        await().atMost(Duration.ofSeconds(10)).until(() -> count() == 2);
        List<Map<String, Object>> rows = sql.queryForList("select * from conversation_turn order by speaker desc");
        assertThat(rows.get(0)).containsEntry("SPEAKER", "CITIZEN").containsEntry("BODY", Fixtures.CLEAR_QUESTION)
                .containsEntry("CHANNEL", "weibo").containsEntry("MESSAGE_ID", "wb-1").containsEntry("DIALOG_STATE", "BOT");
        assertThat(rows.get(1)).containsEntry("SPEAKER", "BOT").containsEntry("REPLY_KIND", "answer")
                .containsEntry("ENTRY_ID", Fixtures.PROBATION.id()).containsEntry("MESSAGE_ID", "wb-1");
        assertThat(((Number) rows.get(1).get("SCORE")).doubleValue()).isEqualTo(12.0);
        assertThat(((Number) rows.get(1).get("LATENCY_MS")).intValue()).isBetween(0, 5_000);
    }

    @Test
    void whatTheCitizenWritesToALawyerIsOneRow_andWhatTheBotSaysOnACommandIsOne() {
        engine.handle(new InboundMessage(citizen, "wb-1", "人工", clock.instant()));
        engine.lawyerClaimed(citizen, "lawyer-5");
        engine.handle(new InboundMessage(citizen, "wb-2", "我被拖欠了三个月工资", clock.instant()));

        await().atMost(Duration.ofSeconds(10)).until(() -> count() == 4);
        assertThat(sql.queryForList("select speaker || ':' || coalesce(message_id, '-') || ':' || dialog_state from conversation_turn"
                + " order by occurred_at, speaker desc", String.class))
                .containsExactlyInAnyOrder("CITIZEN:wb-1:BOT", "BOT:wb-1:QUEUED", "BOT:-:WITH_LAWYER", "CITIZEN:wb-2:WITH_LAWYER");
    }

    @Test
    void aTranscriptNamesTheConsultation_andTheNextConsultationIsAnother() {
        engine.handle(new InboundMessage(citizen, "wb-1", "人工", clock.instant()));
        engine.lawyerClaimed(citizen, "lawyer-5");
        engine.lawyerClosed(citizen);
        engine.handle(new InboundMessage(citizen, "wb-2", Fixtures.CLEAR_QUESTION, clock.instant()));

        await().atMost(Duration.ofSeconds(10)).until(() -> count() == 6);
        List<String> first = sql.queryForList("select distinct conversation_id from conversation_turn where message_id = 'wb-1'"
                + " or message_id is null", String.class);
        List<String> second = sql.queryForList("select distinct conversation_id from conversation_turn where message_id = 'wb-2'",
                String.class);
        assertThat(first).singleElement().isNotNull();
        assertThat(second).singleElement().isNotNull().isNotEqualTo(first.get(0));
    }

    private int count() {
        return sql.queryForObject("select count(*) from conversation_turn", Integer.class);
    }
}
