package org.lawline.conversation.transcript;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Turns in the {@code conversation_turn} table (migrations V202611291100, V202612042220, V202612042250). Plain JDBC and plain
 * SQL, the same on H2 and PostgreSQL. A batch is one transaction; when it fails on what a row holds
 * — most often a row already stored, from a journal replayed after a crash — the rows are stored
 * one by one, skipping those already there and setting aside those the database refuses.
 */
final class JdbcTurns {

    private static final String COLUMNS = "id, channel, account, citizen_id, message_id, speaker, body, reply_kind, entry_id,"
            + " score, latency_ms, dialog_state, occurred_at, conversation_id";
    private static final String INSERT = "insert into conversation_turn (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_UNLESS_THERE = "insert into conversation_turn (" + COLUMNS + ")"
            + " select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from conversation_turn where id = ?)";
    /** SQLSTATE of a unique-key violation, on H2 and PostgreSQL alike. */
    private static final String DUPLICATE_KEY = "23505";

    private final DataSource database;

    JdbcTurns(DataSource database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Stores the turns; those already stored are left as they are.
     *
     * @return the turns the database refused for what they hold (not for being unreachable): they
     *         will never go in, and must be set aside rather than retried
     * @throws SQLException when the database could not be used: try again later
     */
    List<TurnRecord> store(List<TurnRecord> turns) throws SQLException {
        try (Connection connection = database.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (TurnRecord turn : turns) {
                    bind(insert, turn);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
                return List.of();
            } catch (SQLException e) {
                connection.rollback();
                if (!aboutTheData(e)) {
                    throw e;
                }
                return storeOneByOne(connection, turns);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** Each row in its own transaction, skipping rows already there; returns the rows refused for their data. */
    private static List<TurnRecord> storeOneByOne(Connection connection, List<TurnRecord> turns) throws SQLException {
        List<TurnRecord> refused = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_UNLESS_THERE)) {
            for (TurnRecord turn : turns) {
                try {
                    bind(insert, turn);
                    insert.setString(15, turn.id());
                    insert.executeUpdate();
                    connection.commit();
                } catch (SQLException e) {
                    connection.rollback();
                    if (!aboutTheData(e)) {
                        throw e;
                    }
                    if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                        refused.add(turn);
                    }
                }
            }
        }
        return refused;
    }

    /**
     * A data exception (SQLSTATE class 22) or an integrity violation (class 23): the rows, not the
     * database, are the problem. Anything else (connection lost, database down) is worth a retry.
     */
    private static boolean aboutTheData(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            String state = next.getSQLState();
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                return true;
            }
        }
        return e instanceof BatchUpdateException batch && batch.getCause() instanceof SQLException cause && aboutTheData(cause);
    }

    private static void bind(PreparedStatement insert, TurnRecord turn) throws SQLException {
        // cut to the columns' sizes: a channel's odd id must not keep a whole batch out
        insert.setString(1, turn.id());
        insert.setString(2, fit(turn.citizen().channel().wireName(), 20));
        insert.setString(3, fit(turn.citizen().account(), 64));
        insert.setString(4, fit(turn.citizen().citizenId(), 128));
        insert.setString(5, turn.messageId().map(id -> fit(id, 128)).orElse(null));
        insert.setString(6, turn.speaker().name());
        insert.setString(7, text(turn.text()));
        insert.setString(8, turn.replyKind().map(kind -> fit(kind, 20)).orElse(null));
        insert.setString(9, turn.entryId().map(id -> fit(id, 100)).orElse(null));
        if (turn.score().isPresent() && Double.isFinite(turn.score().getAsDouble())) {
            insert.setDouble(10, turn.score().getAsDouble());
        } else {
            insert.setNull(10, Types.DOUBLE);
        }
        if (turn.latencyMs().isPresent()) {
            insert.setInt(11, turn.latencyMs().getAsInt());
        } else {
            insert.setNull(11, Types.INTEGER);
        }
        insert.setString(12, turn.state().name());
        // a UTC instant, bound with its offset: the JVM's zone plays no part
        insert.setObject(13, turn.occurredAt().atOffset(ZoneOffset.UTC));
        insert.setString(14, turn.conversation().toString());
    }

    private static String fit(String value, int length) {
        return text(value.length() <= length ? value : value.substring(0, length));
    }

    /** PostgreSQL's text cannot hold NUL; a citizen can still type it. */
    private static String text(String value) {
        return value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
    }
}
