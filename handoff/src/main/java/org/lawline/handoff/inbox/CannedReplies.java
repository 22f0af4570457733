package org.lawline.handoff.inbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** The shared canned replies ({@code canned_reply}): every lawyer reads them, administrators keep them. Thread safe. */
class CannedReplies {

    /** One canned reply: a short title for the list, the text that goes into the reply box. */
    record CannedReply(long id, String title, String text, String updatedBy, Instant updatedAt) {
    }

    private final JdbcClient db;

    CannedReplies(JdbcClient db) {
        this.db = db;
    }

    /** All of them, by title. */
    List<CannedReply> all() {
        return db.sql("select id, title, body, updated_by, updated_at from canned_reply order by title, id")
                .query((rs, n) -> new CannedReply(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }

    Optional<CannedReply> find(long id) {
        return all().stream().filter(reply -> reply.id() == id).findFirst();
    }

    CannedReply add(String title, String text, String by, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("insert into canned_reply (title, body, updated_by, updated_at) values (:t, :b, :by, :at)")
                .param("t", title).param("b", text).param("by", by).param("at", Timestamp.from(at))
                .update(key, "id");
        return find(key.getKeyAs(Number.class).longValue()).orElseThrow();
    }

    /** @return the changed one, or empty when there is no such reply */
    Optional<CannedReply> change(long id, String title, String text, String by, Instant at) {
        int changed = db.sql("update canned_reply set title = :t, body = :b, updated_by = :by, updated_at = :at where id = :id")
                .param("t", title).param("b", text).param("by", by).param("at", Timestamp.from(at)).param("id", id)
                .update();
        return changed == 1 ? find(id) : Optional.empty();
    }

    /** @return whether there was one to remove */
    boolean remove(long id) {
        return db.sql("delete from canned_reply where id = :id").param("id", id).update() == 1;
    }
}
