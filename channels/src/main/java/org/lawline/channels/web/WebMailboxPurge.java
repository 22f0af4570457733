package org.lawline.channels.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.lawline.conversation.Channel;
import org.lawline.conversation.DataSubject;
import org.lawline.conversation.PersonalDataPurge;
import org.lawline.conversation.PurgeCount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The web chat's mailbox ({@code web_message}): what a duty lawyer or a notice wrote to a web
 * citizen. A stripped message keeps its kind and time; the page can no longer fetch it.
 */
@Component
class WebMailboxPurge implements PersonalDataPurge {

    private static final String KIND = "web_message";
    private static final String STRIP = "update web_message set text = '', citizen_id = '" + PURGED + "'";

    private final JdbcClient jdbc;

    WebMailboxPurge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PurgeCount> stripOlderThan(Instant cutoff) {
        // sent_at is a zoneless UTC time (the mailbox's first migration)
        LocalDateTime before = LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        int stripped = PersonalDataPurge.inBatches(() -> jdbc.sql(STRIP
                + PersonalDataPurge.firstBatchOf("web_message", "sent_at < :before and citizen_id <> '" + PURGED + "'"))
                .param("before", before).update());
        return List.of(new PurgeCount(KIND, stripped));
    }

    @Override
    public List<PurgeCount> forget(DataSubject citizen) {
        String id;
        if (citizen instanceof DataSubject.OnChannel on && on.channel() == Channel.WEB) {
            id = on.citizenId();
        } else if (citizen instanceof DataSubject.ByPhone phone) {
            // before web identities were issued by the server, a page could use a phone number as its id
            id = phone.number().digits();
        } else {
            return List.of(new PurgeCount(KIND, 0));
        }
        return List.of(new PurgeCount(KIND, jdbc.sql(STRIP + " where citizen_id = :citizen").param("citizen", id).update()));
    }
}
