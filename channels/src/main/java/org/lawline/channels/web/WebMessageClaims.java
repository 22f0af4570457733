package org.lawline.channels.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers each client messageId once (table {@code web_inbound}). The first POST claims the id
 * with an insert that the unique key (citizen_id, message_id) lets only one request win, even
 * across instances; a retry gets the stored answer instead of a second one from the engine.
 */
@Component
class WebMessageClaims {

    /**
     * A claim without an answer this old belongs to a request that died (the instance stopped
     * mid-turn); a retry may take it over. Far longer than any turn of the engine.
     */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    sealed interface Claim {
        /** This request answers the message and must then call {@link #answer} or {@link #release}. */
        record Won() implements Claim {
        }

        /** Already answered: send this again. */
        record Answered(WebReply reply) implements Claim {
        }

        /** Another request is answering it right now. */
        record Pending() implements Claim {
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WebMessageClaims(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Claim claim(String citizenId, String messageId, Instant now) {
        // Two rounds: the row we collided with may be released (deleted) before we read it.
        for (int round = 0; round < 2; round++) {
            try {
                jdbc.sql("insert into web_inbound (citizen_id, message_id, received_at) values (:citizen, :message, :now)")
                        .param("citizen", citizenId)
                        .param("message", messageId)
                        .param("now", utc(now))
                        .update();
                return new Claim.Won();
            } catch (DuplicateKeyException duplicate) {
                List<Optional<String>> rows = jdbc.sql("select reply from web_inbound where citizen_id = :citizen and message_id = :message")
                        .param("citizen", citizenId)
                        .param("message", messageId)
                        .query((rs, n) -> Optional.ofNullable(rs.getString("reply")))
                        .list();
                if (rows.isEmpty()) {
                    continue;
                }
                Optional<String> reply = rows.get(0);
                if (reply.isPresent()) {
                    return new Claim.Answered(json.readValue(reply.get(), WebReply.class));
                }
                int takenOver = jdbc.sql("""
                                update web_inbound set received_at = :now
                                 where citizen_id = :citizen and message_id = :message
                                   and reply is null and received_at < :abandonedBefore""")
                        .param("now", utc(now))
                        .param("citizen", citizenId)
                        .param("message", messageId)
                        .param("abandonedBefore", utc(now.minus(ABANDONED_AFTER)))
                        .update();
                return takenOver == 1 ? new Claim.Won() : new Claim.Pending();
            }
        }
        return new Claim.Pending();
    }

    void answer(String citizenId, String messageId, WebReply reply) {
        jdbc.sql("update web_inbound set reply = :reply where citizen_id = :citizen and message_id = :message")
                .param("reply", json.writeValueAsString(reply))
                .param("citizen", citizenId)
                .param("message", messageId)
                .update();
    }

    /** The turn failed before an answer: let a retry try again. */
    void release(String citizenId, String messageId) {
        jdbc.sql("delete from web_inbound where citizen_id = :citizen and message_id = :message and reply is null")
                .param("citizen", citizenId)
                .param("message", messageId)
                .update();
    }

    /** The column is a timestamp without time zone: always UTC, whatever the JVM's zone. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
