package org.lawline.channels.web;

import org.lawline.conversation.Channel;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.lawline.conversation.ReplyComposed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Messages for web citizens that no POST is waiting for (a duty lawyer's reply, a notice), kept in
 * {@code web_message} until the page polls for them. The web has no push channel, so the table is
 * the delivery: a message stored here counts as sent.
 */
@Component
class WebOutbox {


    /** A page that was closed for a long time catches up over several polls. */
    static final int PAGE_SIZE = 50;

    private static final Logger log = LoggerFactory.getLogger(WebOutbox.class);

    record LaterMessage(long id, String kind, String text, Instant sentAt) {
        @Override
        public String toString() {
            return "LaterMessage[id=" + id + ", kind=" + kind + "]";
        }
    }

    private final JdbcClient jdbc;

    WebOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Synchronous on purpose: when the publisher (a lawyer's reply) runs in a transaction, the
     * message is stored in it and stands or falls with it; a failure here reaches the publisher
     * instead of losing the message quietly.
     */
    @EventListener
    void on(ReplyComposed event) {
        // Answers to a POST went back in its response; other channels deliver their own.
        if (event.inReplyTo().isPresent() || event.to().channel() != Channel.WEB) {
            return;
        }
        String citizenId = event.to().citizenId();
        if (!WebMessageRequest.ID.matcher(citizenId).matches()) {
            // No page can poll for such an id (the API refuses it), so it cannot be delivered.
            log.warn("Dropped a {} message for {}: not a web citizen id", event.reply().kind().wireName(), event.to());
            return;
        }
        jdbc.sql("insert into web_message (citizen_id, kind, text, sent_at) values (:citizen, :kind, :text, :sentAt)")
                .param("citizen", citizenId)
                .param("kind", event.reply().kind().wireName())
                .param("text", event.reply().text())
                .param("sentAt", LocalDateTime.ofInstant(event.composedAt(), ZoneOffset.UTC))
                .update();
        log.info("Stored a {} message for {} to poll", event.reply().kind().wireName(), event.to());
    }

    /** The citizen's messages with an id above {@code afterId}, oldest first, at most {@link #PAGE_SIZE}. */
    List<LaterMessage> after(String citizenId, long afterId) {
        return jdbc.sql("""
                        select id, kind, text, sent_at from web_message
                         where citizen_id = :citizen and id > :after
                         order by id
                         limit :limit""")
                .param("citizen", citizenId)
                .param("after", afterId)
                .param("limit", PAGE_SIZE)
                .query((rs, n) -> new LaterMessage(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        rs.getString("text"),
                        rs.getObject("sent_at", LocalDateTime.class).toInstant(ZoneOffset.UTC)))
                .list();
    }
}
