package org.lawline.conversation.transcript;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationStore;
import org.lawline.conversation.ConversationStoreUnavailable;
import org.lawline.conversation.DataSubject;
import org.lawline.conversation.PersonalDataPurge;
import org.lawline.conversation.PurgeCount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation module's personal data: transcripts ({@code conversation_turn}) and the saved
 * state of a conversation. A stripped turn keeps its channel, account, speaker, reply kind,
 * knowledge-base entry, score, latency, dialog state, consultation and time — what reports count —
 * and loses its text, the citizen's id and the channel's message id. A citizen's 有用 / 没用
 * ({@code turn_feedback}) keeps its verdict, channel and time, and loses the citizen's id. Lines
 * the journals set aside ({@link SetAsideLines}) hold what citizens wrote: a day's file goes once
 * the day is past the cutoff, and a citizen's lines on request.
 */
public final class TranscriptPurge implements PersonalDataPurge {

    private static final Logger log = LoggerFactory.getLogger(TranscriptPurge.class);
    private static final String KIND = "conversation_turn";
    private static final String STRIP = "update conversation_turn set body = '', citizen_id = '" + PURGED + "', message_id = null";
    private static final String FEEDBACK = "turn_feedback";
    private static final String STRIP_FEEDBACK = "update turn_feedback set citizen_id = '" + PURGED + "'";

    private static final String SET_ASIDE = "journal_set_aside_line";

    private final DataSource database;
    private final ConversationStore conversations;
    private final Optional<SetAsideLines> setAside;

    /** Without journals: the database's transcripts only. */
    public TranscriptPurge(DataSource database, ConversationStore conversations) {
        this(database, conversations, Optional.empty());
    }

    /** @param journals the journals' root ({@code transcript-journal}), under which set-aside lines are kept */
    public TranscriptPurge(DataSource database, ConversationStore conversations, Optional<Path> journals) {
        this.database = Objects.requireNonNull(database, "database");
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.setAside = journals.map(root -> new SetAsideLines(root, Clock.systemUTC()));
    }

    /** For a context without a database, which keeps no transcript. */
    public static PersonalDataPurge nothingKept() {
        return new PersonalDataPurge() {
            @Override
            public List<PurgeCount> stripOlderThan(java.time.Instant cutoff) {
                return List.of();
            }

            @Override
            public List<PurgeCount> forget(DataSubject citizen) {
                return List.of();
            }
        };
    }

    @Override
    public List<PurgeCount> stripOlderThan(java.time.Instant cutoff) {
        try (Connection c = database.getConnection();
             PreparedStatement strip = c.prepareStatement(STRIP
                     + PersonalDataPurge.firstBatchOf("conversation_turn", "occurred_at < ? and citizen_id <> '" + PURGED + "'"));
             PreparedStatement stripFeedback = c.prepareStatement(STRIP_FEEDBACK
                     + " where given_at < ? and citizen_id <> '" + PURGED + "'")) {
            strip.setTimestamp(1, Timestamp.from(cutoff));
            int turns = PersonalDataPurge.inBatches(() -> {
                try {
                    return strip.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException("Transcripts could not be purged: " + e.getMessage(), e);
                }
            });
            // a verdict row is a few short columns: one statement does even a year of them
            stripFeedback.setTimestamp(1, Timestamp.from(cutoff));
            List<PurgeCount> counts = new ArrayList<>(List.of(new PurgeCount(KIND, turns),
                    new PurgeCount(FEEDBACK, stripFeedback.executeUpdate())));
            setAside.ifPresent(lines -> counts.add(new PurgeCount(SET_ASIDE, lines.dropOlderThan(cutoff))));
            return List.copyOf(counts);
        } catch (SQLException e) {
            throw new IllegalStateException("Transcripts could not be purged: " + e.getMessage(), e);
        }
    }

    @Override
    public List<PurgeCount> forget(DataSubject citizen) {
        // a number is the id itself on the channels that name citizens by it, whichever they are
        String where = citizen instanceof DataSubject.OnChannel ? " where channel = ? and citizen_id = ?" : " where citizen_id = ?";
        try (Connection c = database.getConnection()) {
            List<ChannelIdentity> identities = new ArrayList<>();
            try (PreparedStatement find = c.prepareStatement("select distinct channel, account, citizen_id from conversation_turn" + where)) {
                bind(find, citizen);
                try (ResultSet rows = find.executeQuery()) {
                    while (rows.next()) {
                        identities.add(new ChannelIdentity(Channel.of(rows.getString(1)), rows.getString(2), rows.getString(3)));
                    }
                }
            }
            int stripped;
            try (PreparedStatement strip = c.prepareStatement(STRIP + where)) {
                bind(strip, citizen);
                stripped = strip.executeUpdate();
            }
            int verdicts;
            try (PreparedStatement strip = c.prepareStatement(STRIP_FEEDBACK + where)) {
                bind(strip, citizen);
                verdicts = strip.executeUpdate();
            }
            identities.forEach(this::forgetState);
            List<PurgeCount> counts = new ArrayList<>(List.of(new PurgeCount(KIND, stripped), new PurgeCount(FEEDBACK, verdicts)));
            setAside.ifPresent(lines -> counts.add(new PurgeCount(SET_ASIDE, lines.forget(idOf(citizen)))));
            return List.copyOf(counts);
        } catch (SQLException e) {
            throw new IllegalStateException("The citizen's transcripts could not be purged: " + e.getMessage(), e);
        }
    }

    private void forgetState(ChannelIdentity identity) {
        try {
            conversations.delete(identity);
        } catch (ConversationStoreUnavailable e) {
            // the saved state expires by itself within a day of the last message
            log.warn("The conversation state of {} could not be deleted now: it expires by itself", identity);
        }
    }

    /** The id a journal line names the citizen by: on SMS and the hotline, the number itself. */
    private static String idOf(DataSubject citizen) {
        return citizen instanceof DataSubject.OnChannel on ? on.citizenId() : ((DataSubject.ByPhone) citizen).number().digits();
    }

    private static void bind(PreparedStatement statement, DataSubject citizen) throws SQLException {
        if (citizen instanceof DataSubject.OnChannel on) {
            statement.setString(1, on.channel().wireName());
            statement.setString(2, on.citizenId());
        } else if (citizen instanceof DataSubject.ByPhone phone) {
            statement.setString(1, phone.number().digits());
        }
    }
}
