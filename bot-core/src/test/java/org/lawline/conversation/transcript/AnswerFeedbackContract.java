package org.lawline.conversation.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.AnswerFeedback;
import org.lawline.conversation.AnswerFeedback.Outcome;
import org.lawline.conversation.AnswerFeedback.Verdict;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.ModuleMigrations;
import org.lawline.conversation.Reply;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What feedback on answers promises, against each database LawLine runs on: a verdict is kept
 * with the bot turn it names, once however often it is sent, only for the citizen whose answer it
 * was, and queryable by turn, verdict and time. The migrations run as written.
 */
abstract class AnswerFeedbackContract {

    abstract DataSource newDatabase() throws Exception;

    abstract void dropDatabase() throws Exception;

    private final ChannelIdentity citizen = new ChannelIdentity(Channel.WEB, "default", "citizen-feedback-1");
    private final ChannelIdentity someoneElse = new ChannelIdentity(Channel.WEB, "default", "citizen-feedback-2");
    private final ConversationId conversation = ConversationId.next();
    private final Instant answeredAt = Instant.parse("2026-12-05T01:00:00Z");

    private JdbcTemplate sql;
    private JdbcAnswerFeedback feedback;

    @BeforeEach
    void migrate() throws Exception {
        DataSource database = newDatabase();
        ModuleMigrations.apply(database, "conversation");
        sql = new JdbcTemplate(database);
        feedback = new JdbcAnswerFeedback(database, Duration.ofMillis(300));
    }

    @AfterEach
    void drop() throws Exception {
        dropDatabase();
    }

    @Test
    void aVerdictOnTheCitizensOwnAnswerIsKeptWithTheTurnAndItsTime() {
        String turn = storeAnswer(citizen, "msg-1", new Reply.Answer("用人单位应当按时足额支付劳动报酬。", DialogState.BOT, "ll-wage-001", 0.9, List.of()));

        Outcome outcome = feedback.give(citizen, turn, Verdict.USEFUL, answeredAt.plusSeconds(20));

        assertThat(outcome).isEqualTo(Outcome.RECORDED);
        Map<String, Object> row = sql.queryForMap("select turn_id, channel, citizen_id, verdict, given_at from turn_feedback");
        assertThat(row.get("turn_id")).isEqualTo(turn);
        assertThat(row.get("channel")).isEqualTo("web");
        assertThat(row.get("citizen_id")).isEqualTo(citizen.citizenId());
        assertThat(row.get("verdict")).isEqualTo("USEFUL");
        assertThat(sql.queryForObject("select given_at from turn_feedback", OffsetDateTime.class).toInstant())
                .isEqualTo(answeredAt.plusSeconds(20));
    }

    @Test
    void sendingTheSameVerdictAgainKeepsOneRowAndAChangedMindIsBelieved() {
        String turn = storeAnswer(citizen, "msg-1", new Reply.Answer("答案", DialogState.BOT, "ll-wage-001", 0.9, List.of()));

        feedback.give(citizen, turn, Verdict.USEFUL, answeredAt.plusSeconds(5));
        feedback.give(citizen, turn, Verdict.USEFUL, answeredAt.plusSeconds(5));
        assertThat(sql.queryForObject("select count(*) from turn_feedback", Integer.class)).isEqualTo(1);

        feedback.give(citizen, turn, Verdict.NOT_USEFUL, answeredAt.plusSeconds(9));
        assertThat(sql.queryForList("select verdict from turn_feedback", String.class)).containsExactly("NOT_USEFUL");
    }

    @Test
    void anotherCitizensAnswerOrAnUnknownTurnIsNoAnswerOfTheirs() {
        String theirs = storeAnswer(someoneElse, "msg-9", new Reply.Answer("答案", DialogState.BOT, "ll-wage-001", 0.9, List.of()));

        assertThat(feedback.give(citizen, theirs, Verdict.NOT_USEFUL, answeredAt)).isEqualTo(Outcome.NO_SUCH_ANSWER);
        assertThat(feedback.give(citizen, UUID.randomUUID().toString(), Verdict.USEFUL, answeredAt)).isEqualTo(Outcome.NO_SUCH_ANSWER);
        assertThat(feedback.give(citizen, "x".repeat(200), Verdict.USEFUL, answeredAt)).isEqualTo(Outcome.NO_SUCH_ANSWER);
        assertThat(sql.queryForObject("select count(*) from turn_feedback", Integer.class)).isZero();
    }

    @Test
    void theCitizensOwnWordsAreNotAnAnswerToGiveAVerdictOn() {
        String asked = UUID.randomUUID().toString();
        store(new TurnRecord(asked, conversation, citizen, Optional.of("msg-1"), TurnRecord.Speaker.CITIZEN, "工资",
                Optional.empty(), Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(), DialogState.BOT, answeredAt));

        assertThat(feedback.give(citizen, asked, Verdict.USEFUL, answeredAt)).isEqualTo(Outcome.NO_SUCH_ANSWER);
    }

    @Test
    void aWordRightAfterAnAnswerIsAVerdictOnThatAnswer() {
        storeAnswer(citizen, "msg-1", new Reply.Answer("第一个答案", DialogState.BOT, "ll-wage-001", 0.9, List.of()));
        String last = storeAnswer(citizen, "msg-2", new Reply.Answer("第二个答案", DialogState.BOT, "ll-wage-002", 0.9, List.of()),
                answeredAt.plusSeconds(60));

        assertThat(feedback.giveToLastAnswer(citizen, Verdict.NOT_USEFUL, answeredAt.plusSeconds(90))).isEqualTo(Outcome.RECORDED);

        assertThat(sql.queryForList("select turn_id from turn_feedback", String.class)).containsExactly(last);
    }

    @Test
    void aWordAfterSomethingElseOrLongAfterTheAnswerIsNoVerdict() {
        storeAnswer(citizen, "msg-1", new Reply.NoAnswer("抱歉，暂时没有找到相关答案。", DialogState.BOT));
        assertThat(feedback.giveToLastAnswer(citizen, Verdict.USEFUL, answeredAt.plusSeconds(10))).isEqualTo(Outcome.NO_SUCH_ANSWER);

        storeAnswer(someoneElse, "msg-2", new Reply.Answer("答案", DialogState.BOT, "ll-wage-001", 0.9, List.of()));
        assertThat(feedback.giveToLastAnswer(someoneElse, Verdict.USEFUL, answeredAt.plus(Duration.ofHours(2))))
                .isEqualTo(Outcome.NO_SUCH_ANSWER);
        assertThat(feedback.giveToLastAnswer(new ChannelIdentity(Channel.WECHAT, "gh", "nobody"), Verdict.USEFUL, answeredAt))
                .isEqualTo(Outcome.NO_SUCH_ANSWER);
        assertThat(sql.queryForObject("select count(*) from turn_feedback", Integer.class)).isZero();
    }

    private String storeAnswer(ChannelIdentity who, String messageId, Reply reply) {
        return storeAnswer(who, messageId, reply, answeredAt);
    }

    private String storeAnswer(ChannelIdentity who, String messageId, Reply reply, Instant at) {
        store(TurnRecord.citizen(conversation, who, messageId, "问题", DialogState.BOT, at.minusMillis(300)));
        TurnRecord answer = TurnRecord.bot(conversation, who, Optional.of(messageId), reply, 300, at);
        assertThat(answer.id()).isEqualTo(AnswerFeedback.turnAnswering(who, messageId));
        store(answer);
        return answer.id();
    }

    private void store(TurnRecord turn) {
        try {
            assertThat(new JdbcTurns(sql.getDataSource()).store(List.of(turn))).isEmpty();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
