package org.lawline.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.channels.Migrations;
import org.lawline.channels.ScriptedConversations;
import org.lawline.channels.delivery.Outbox;
import org.lawline.channels.delivery.Subscribers;
import org.lawline.conversation.OfficeDirectory;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.Reply;
import org.lawline.conversation.transcript.JdbcAnswerFeedback;
import org.lawline.conversation.transcript.JournaledTranscripts;
import org.lawline.knowledge.BundledKnowledge;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * 有用 / 没用 on WeChat, where a text reply has no buttons: the answer asks, and the citizen's next
 * message gives the verdict, kept with the answer's transcript turn in bot-core's own tables (H2,
 * the migrations as written). The engine is scripted; its turns reach the transcript through
 * bot-core's writer, as the engine's do.
 */
class WeChatFeedbackTest {

    private static final String WAGES = "老板拖欠工资怎么办";
    private static final String DIVORCE = "离婚孩子归谁";

    private final ChannelIdentity citizen = new ChannelIdentity(Channel.WECHAT, "default", "oFeedback" + UUID.randomUUID().toString().substring(0, 8));
    private JdbcTemplate sql;
    private JournaledTranscripts transcripts;
    private ScriptedConversations conversations;
    private Responder responder;
    private int messages;

    @BeforeEach
    void wire() throws IOException {
        DataSource database = new DriverManagerDataSource("jdbc:h2:mem:wechat-feedback-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(Migrations.of("channels", "conversation")).execute(database);
        sql = new JdbcTemplate(database);
        JdbcClient jdbc = JdbcClient.create(database);
        Clock clock = Clock.systemUTC();
        conversations = ScriptedConversations.answeringNothing(event -> { }, clock);
        conversations.answerWith(message -> switch (message.text()) {
            case WAGES -> new Reply.Answer("用人单位应当按时足额支付劳动报酬。", DialogState.BOT, "ll-wage-001", 0.9, List.of());
            case DIVORCE -> new Reply.Choices("您想问的是：\n1. 抚养权\n2. 抚养费", DialogState.CLARIFYING,
                    List.of(new Reply.Choice(1, "ll-family-001", "离婚后孩子的抚养权归谁", 5.0),
                            new Reply.Choice(2, "ll-family-002", "抚养费怎么算", 4.8)));
            default -> new Reply.NoAnswer("您问的是：" + message.text(), DialogState.BOT);
        });
        transcripts = new JournaledTranscripts(database, Files.createTempDirectory("wechat-transcripts"), 200, Duration.ofSeconds(1));
        conversations.transcribeTo(transcripts);
        responder = new Responder(conversations, new OfficeDirectory(BundledKnowledge.serviceOffices(), 3), new Subscribers(jdbc),
                new JobReports(jdbc, new Outbox(jdbc, List.of(), clock)), new JdbcAnswerFeedback(database, Duration.ofSeconds(1)));
    }

    @AfterEach
    void close() {
        transcripts.close();
    }

    @Test
    void anAnswerAsksWhetherItHelpedAndTheNextWordIsKeptAsTheVerdictOnIt() {
        assertThat(say(WAGES)).startsWith("用人单位应当按时足额支付劳动报酬。").endsWith(CitizenTexts.ASK_FOR_FEEDBACK);
        awaitTurns(2);

        assertThat(say("有用！")).isEqualTo(CitizenTexts.THANKS_FOR_FEEDBACK);

        assertThat(sql.queryForList("select verdict from turn_feedback", String.class)).containsExactly("USEFUL");
        assertThat(sql.queryForObject("select t.entry_id from turn_feedback f join conversation_turn t on t.id = f.turn_id",
                String.class)).isEqualTo("ll-wage-001");
        assertThat(conversations.receivedTexts()).containsExactly(WAGES);

        // a changed mind is believed: still one verdict on that answer
        assertThat(say("没用")).isEqualTo(CitizenTexts.THANKS_FOR_FEEDBACK);
        assertThat(sql.queryForList("select verdict from turn_feedback", String.class)).containsExactly("NOT_USEFUL");
    }

    @Test
    void afterChoicesTheWordsAndTheNumbersAreOrdinaryMessages() {
        assertThat(say(DIVORCE)).doesNotContain("有用");
        awaitTurns(2);

        say("有用");
        say("1");

        assertThat(conversations.receivedTexts()).containsExactly(DIVORCE, "有用", "1");
        assertThat(sql.queryForObject("select count(*) from turn_feedback", Integer.class)).isZero();
    }

    @Test
    void onlyTheWordsAloneAreAVerdict() {
        assertThat(Responder.verdictIn("有用")).contains(org.lawline.conversation.AnswerFeedback.Verdict.USEFUL);
        assertThat(Responder.verdictIn(" 没用。")).contains(org.lawline.conversation.AnswerFeedback.Verdict.NOT_USEFUL);
        assertThat(Responder.verdictIn("有用的法律")).isEmpty();
        assertThat(Responder.verdictIn("1")).isEmpty();
        assertThat(Responder.verdictIn("0")).isEmpty();
    }

    private String say(String text) {
        messages++;
        return responder.respond(new Inbound.Text(citizen, "gh_test", Instant.now(), "msg-" + messages + "-" + UUID.randomUUID(), text))
                .orElseThrow();
    }

    private void awaitTurns(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() ->
                sql.queryForObject("select count(*) from conversation_turn where citizen_id = ?", Integer.class, citizen.citizenId()) >= count);
    }
}
