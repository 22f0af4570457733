package org.lawline.conversation.transcript;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.lawline.conversation.AnswerFeedback;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ReplyKind;

/**
 * Feedback in {@code turn_feedback} (migration V202612052300), checked against the bot turns in
 * {@code conversation_turn}. Plain JDBC and plain SQL, the same on H2 and PostgreSQL.
 *
 * <p>A turn reaches {@code conversation_turn} from the local journal a moment after the citizen
 * has read it (the writer polls every 200 ms), so a turn not found at once is looked for again for
 * up to {@code awaitTurn} before the feedback is refused as naming no answer.
 */
public final class JdbcAnswerFeedback implements AnswerFeedback {

    /** Replies worth a verdict on channels without buttons: what the bot answered from the knowledge base or the law. */
    private static final Set<String> ANSWERS = Set.of(ReplyKind.ANSWER.wireName(), ReplyKind.LAW.wireName());
    /** 有用 sent later than this after the answer is not taken for a verdict on it. */
    private static final Duration LAST_ANSWER_WINDOW = Duration.ofMinutes(30);
    private static final Duration POLL = Duration.ofMillis(100);

    private static final String BOT_TURN = "select 1 from conversation_turn where id = ? and speaker = 'BOT'"
            + " and channel = ? and account = ? and citizen_id = ?";
    private static final String LAST_TURN = "select id, speaker, reply_kind, occurred_at from conversation_turn"
            + " where channel = ? and account = ? and citizen_id = ? order by occurred_at desc fetch first 1 rows only";
    private static final String UPDATE = "update turn_feedback set verdict = ?, given_at = ? where turn_id = ?";
    private static final String INSERT = "insert into turn_feedback (turn_id, channel, account, citizen_id, verdict, given_at)"
            + " values (?, ?, ?, ?, ?, ?)";
    /** SQLSTATE of a unique-key violation, on H2 and PostgreSQL alike. */
    private static final String DUPLICATE_KEY = "23505";

    private final DataSource database;
    private final Duration awaitTurn;

    public JdbcAnswerFeedback(DataSource database, Duration awaitTurn) {
        this.database = Objects.requireNonNull(database, "database");
        this.awaitTurn = Objects.requireNonNull(awaitTurn, "awaitTurn");
    }

    /** @throws IllegalStateException when the database cannot be used */
    @Override
    public Outcome give(ChannelIdentity citizen, String turnId, Verdict verdict, Instant at) {
        Objects.requireNonNull(verdict, "verdict");
        if (turnId == null || turnId.length() > 36) {
            return Outcome.NO_SUCH_ANSWER;
        }
        try (Connection connection = database.getConnection()) {
            if (!awaitBotTurn(connection, citizen, turnId)) {
                return Outcome.NO_SUCH_ANSWER;
            }
            store(connection, citizen, turnId, verdict, at);
            return Outcome.RECORDED;
        } catch (SQLException e) {
            throw new IllegalStateException("Feedback on turn " + turnId + " could not be stored: " + e.getMessage(), e);
        }
    }

    @Override
    public Outcome giveToLastAnswer(ChannelIdentity citizen, Verdict verdict, Instant at) {
        Objects.requireNonNull(verdict, "verdict");
        try (Connection connection = database.getConnection()) {
            Optional<String> answer = lastTurnIfAnswer(connection, citizen, at);
            if (answer.isEmpty()) {
                return Outcome.NO_SUCH_ANSWER;
            }
            store(connection, citizen, answer.get(), verdict, at);
            return Outcome.RECORDED;
        } catch (SQLException e) {
            throw new IllegalStateException("Feedback on the last answer to " + citizen + " could not be stored: " + e.getMessage(), e);
        }
    }

    private boolean awaitBotTurn(Connection connection, ChannelIdentity citizen, String turnId) throws SQLException {
        long deadline = System.nanoTime() + awaitTurn.toNanos();
        while (true) {
            if (botTurnExists(connection, citizen, turnId)) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static boolean botTurnExists(Connection connection, ChannelIdentity citizen, String turnId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(BOT_TURN)) {
            select.setString(1, turnId);
            bindCitizen(select, 2, citizen);
            try (ResultSet found = select.executeQuery()) {
                return found.next();
            }
        }
    }

    private static Optional<String> lastTurnIfAnswer(Connection connection, ChannelIdentity citizen, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LAST_TURN)) {
            bindCitizen(select, 1, citizen);
            try (ResultSet last = select.executeQuery()) {
                if (!last.next()) {
                    return Optional.empty();
                }
                boolean answer = "BOT".equals(last.getString("speaker")) && ANSWERS.contains(last.getString("reply_kind"));
                Instant answeredAt = last.getObject("occurred_at", OffsetDateTime.class).toInstant();
                return answer && !answeredAt.isBefore(now.minus(LAST_ANSWER_WINDOW))
                        ? Optional.of(last.getString("id"))
                        : Optional.empty();
            }
        }
    }

    /** The last verdict wins: an update, or an insert when there was none (an update again if another request just inserted). */
    private static void store(Connection connection, ChannelIdentity citizen, String turnId, Verdict verdict, Instant at)
            throws SQLException {
        if (update(connection, turnId, verdict, at) > 0) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, turnId);
            bindCitizen(insert, 2, citizen);
            insert.setString(5, verdict.name());
            insert.setObject(6, at.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                throw e;
            }
            update(connection, turnId, verdict, at);
        }
    }

    private static int update(Connection connection, String turnId, Verdict verdict, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            update.setString(1, verdict.name());
            update.setObject(2, at.atOffset(ZoneOffset.UTC));
            update.setString(3, turnId);
            return update.executeUpdate();
        }
    }

    /** Cut to the columns' sizes as {@code JdbcTurns} stores them, so that the same citizen is found. */
    private static void bindCitizen(PreparedStatement statement, int first, ChannelIdentity citizen) throws SQLException {
        statement.setString(first, fit(citizen.channel().wireName(), 20));
        statement.setString(first + 1, fit(citizen.account(), 64));
        statement.setString(first + 2, fit(citizen.citizenId(), 128));
    }

    private static String fit(String value, int length) {
        String cut = value.length() <= length ? value : value.substring(0, length);
        return cut.indexOf('\0') < 0 ? cut : cut.replace('\0', '\uFFFD');
    }
}
