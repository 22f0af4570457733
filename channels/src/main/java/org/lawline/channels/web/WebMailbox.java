package org.lawline.channels.web;

import java.time.Instant;
import java.util.List;
import org.lawline.channels.delivery.ChannelPlatform;
import org.lawline.channels.delivery.OutboundPart;
import org.lawline.channels.delivery.PartLimit;
import org.lawline.channels.delivery.PlatformAnswer;
import org.lawline.channels.delivery.Purpose;
import org.lawline.channels.delivery.SendPermission;
import org.lawline.channels.delivery.Utc;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The web's platform for the shared outbox: the web has no push channel, so a message to a web
 * citizen that did not answer a POST (a duty lawyer's reply, a notice) is kept in
 * {@code web_message} until the page polls for it, and a message stored there counts as sent. No
 * window, allowance or quiet hours: the citizen reads it when they next open the page.
 */
@Component
class WebMailbox implements ChannelPlatform {

    /** A page that was closed for a long time catches up over several polls. */
    static final int PAGE_SIZE = 50;

    /** The API caps what a citizen writes at 2,000 characters; what we write may be longer, but not unbounded. */
    private static final PartLimit PART = PartLimit.characters(20_000);

    private static final Logger log = LoggerFactory.getLogger(WebMailbox.class);

    record LaterMessage(long id, String kind, String text, Instant sentAt) {
        @Override
        public String toString() {
            return "LaterMessage[id=" + id + ", kind=" + kind + "]";
        }
    }

    private final JdbcClient jdbc;

    WebMailbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Channel channel() {
        return Channel.WEB;
    }

    @Override
    public PartLimit partLimit() {
        return PART;
    }

    @Override
    public SendPermission mayWeSend(ChannelIdentity to, Purpose purpose, Instant now) {
        return SendPermission.allowed();
    }

    @Override
    public PlatformAnswer send(OutboundPart part) {
        String citizenId = part.to().citizenId();
        if (!WebMessageRequest.ID.matcher(citizenId).matches()) {
            // No page can poll for such an id (the API refuses it), so it cannot be delivered.
            return new PlatformAnswer.Failed("not a web citizen id");
        }
        jdbc.sql("insert into web_message (citizen_id, kind, text, sent_at) values (:citizen, :kind, :text, :sentAt)")
                .param("citizen", citizenId)
                .param("kind", part.kind().orElse(null))
                .param("text", part.text())
                .param("sentAt", Utc.of(part.createdAt()))
                .update();
        log.info("Stored a {} message for {} to poll", part.kind().orElse("plain"), part.to());
        return PlatformAnswer.accepted();
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
                        Utc.instant(rs, "sent_at")))
                .list();
    }
}
