package org.lawline.handoff.inbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.lawline.handoff.escalation.Escalation;
import org.lawline.handoff.escalation.LawyerMessages;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole transcript of one consultation: what the citizen and the bot said (bot-core's
 * {@code conversation_turn}) and what lawyers wrote ({@code lawyer_message}), in time order.
 *
 * <p>The one place that decides which turns belong to the consultation of an escalation: those of
 * the citizen after the previous escalation of theirs ended, up to this one's end. When
 * {@code ConversationId} lands, turns carry it and this becomes a lookup by id; until then the
 * read of bot-core's table stays here and nowhere else.
 */
class ConsultationTranscript {

    private final JdbcClient db;
    private final LawyerMessages lawyerMessages;

    ConsultationTranscript(JdbcClient db, LawyerMessages lawyerMessages) {
        this.db = db;
        this.lawyerMessages = lawyerMessages;
    }

    List<Turn> of(Escalation escalation) {
        Instant from = previousEnd(escalation).orElse(Instant.EPOCH);
        Instant to = escalation.closedAt().orElse(Instant.parse("9999-01-01T00:00:00Z"));
        List<Turn> turns = new ArrayList<>(db.sql("""
                select speaker, body, occurred_at, entry_id from conversation_turn
                where channel = :c and account = :a and citizen_id = :i and occurred_at > :from and occurred_at <= :to""")
                .param("c", escalation.citizen().channel().wireName()).param("a", escalation.citizen().account())
                .param("i", escalation.citizen().citizenId())
                .param("from", local(from)).param("to", local(to))
                .query((rs, n) -> new Turn(rs.getString(1).equals("CITIZEN") ? "citizen" : "bot", rs.getString(2),
                        instant(rs.getTimestamp(3)), rs.getString(4)))
                .list());
        lawyerMessages.of(escalation.id()).forEach(m -> turns.add(new Turn("lawyer", m.text(), m.sentAt(), m.lawyer(), m.replyId())));
        turns.removeIf(turn -> turn.text() == null || turn.text().isEmpty());
        turns.sort(Comparator.comparing(Turn::at));
        return turns;
    }

    /** The citizen's last message, for the waiting list. */
    Optional<String> lastCitizenMessage(Escalation escalation) {
        return of(escalation).stream().filter(t -> t.from().equals("citizen")).reduce((a, b) -> b).map(Turn::text);
    }

    /** The entry of the bot's last match, for the topic. */
    Optional<String> lastEntry(Escalation escalation) {
        return of(escalation).stream().filter(t -> t.from().equals("bot") && t.by() != null).reduce((a, b) -> b).map(Turn::by);
    }

    private Optional<Instant> previousEnd(Escalation escalation) {
        return db.sql("""
                select max(closed_at) from escalation
                where channel = :c and account = :a and citizen_id = :i and id < :id and closed_at is not null""")
                .param("c", escalation.citizen().channel().wireName()).param("a", escalation.citizen().account())
                .param("i", escalation.citizen().citizenId()).param("id", escalation.id())
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant))
                .single();
    }

    // conversation_turn.occurred_at is a plain timestamp written from UTC instants by bot-core
    private static Timestamp local(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }
}
