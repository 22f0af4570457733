package org.lawline.handoff.escalation;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The lawyers' side of each consultation's transcript ({@code lawyer_message}). */
public class LawyerMessages {

    private final JdbcClient db;

    public LawyerMessages(JdbcClient db) {
        this.db = db;
    }

    void add(LawyerMessage message) {
        db.sql("insert into lawyer_message (escalation_id, lawyer, body, sent_at, reply_id) values (:e, :l, :b, :at, :r)")
                .param("e", message.escalationId()).param("l", message.lawyer()).param("b", message.text())
                .param("at", Timestamp.from(message.sentAt()))
                .param("r", message.replyId().map(org.lawline.conversation.EventId::toString).orElse(null)).update();
    }

    public List<LawyerMessage> of(long escalationId) {
        return db.sql("select escalation_id, lawyer, body, sent_at, reply_id from lawyer_message where escalation_id = :e order by sent_at, id")
                .param("e", escalationId)
                .query((rs, n) -> new LawyerMessage(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        java.util.Optional.ofNullable(rs.getString(5)).map(org.lawline.conversation.EventId::of)))
                .list();
    }
}
