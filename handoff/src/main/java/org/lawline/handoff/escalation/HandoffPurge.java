package org.lawline.handoff.escalation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.lawline.conversation.DataSubject;
import org.lawline.conversation.PersonalDataPurge;
import org.lawline.conversation.PurgeCount;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The handoff module's personal data: escalations (the citizen's id, the number their channel
 * gave, the lawyer's closing note), what duty lawyers wrote ({@code lawyer_message}) and 12348
 * callbacks (the number to call, the operator's note). What the reports count stays: channel,
 * reason, status, outcome, who claimed it and every time. A stripped callback leaves the
 * operators' lists. Who looked at a number ({@code phone_view_audit}) names staff and an
 * escalation only, and is kept.
 *
 * <p>The retention job leaves what is still in progress (a chat waiting or held, a pending
 * callback); a deletion request cancels it: the pickup timer and the operators then find nothing
 * to act on.
 */
@Component
class HandoffPurge implements PersonalDataPurge {

    private static final String OPEN = "('WAITING', 'CLAIMED')";

    private final JdbcClient jdbc;
    private final Clock clock;

    HandoffPurge(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public List<PurgeCount> stripOlderThan(Instant cutoff) {
        Timestamp before = Timestamp.from(cutoff);
        int messages = PersonalDataPurge.inBatches(() -> jdbc.sql("update lawyer_message set body = ''"
                + PersonalDataPurge.firstBatchOf("lawyer_message", "sent_at < :before and body <> ''"
                        + " and escalation_id in (select id from escalation where status not in " + OPEN + ")"))
                .param("before", before).update());
        int callbacks = PersonalDataPurge.inBatches(() -> jdbc.sql("update callback_request set phone = '', note = null"
                + PersonalDataPurge.firstBatchOf("callback_request", "requested_at < :before and status <> 'PENDING' and phone <> ''"))
                .param("before", before).update());
        int escalations = PersonalDataPurge.inBatches(() -> jdbc.sql(
                "update escalation set citizen_id = '" + PURGED + "', citizen_phone = null, close_note = null"
                + PersonalDataPurge.firstBatchOf("escalation", "requested_at < :before and citizen_id <> '" + PURGED + "'"
                        + " and status not in " + OPEN
                        + " and not exists (select 1 from callback_request c where c.escalation_id = escalation.id and c.status = 'PENDING')"))
                .param("before", before).update());
        return List.of(new PurgeCount("escalation", escalations), new PurgeCount("lawyer_message", messages),
                new PurgeCount("callback_request", callbacks));
    }

    @Override
    public List<PurgeCount> forget(DataSubject citizen) {
        List<Long> ids = escalationsOf(citizen);
        if (ids.isEmpty()) {
            return List.of(new PurgeCount("escalation", 0), new PurgeCount("lawyer_message", 0), new PurgeCount("callback_request", 0));
        }
        Timestamp now = Timestamp.from(clock.instant());
        int messages = jdbc.sql("update lawyer_message set body = '' where escalation_id in (:ids) and body <> ''")
                .param("ids", ids).update();
        int callbacks = jdbc.sql("""
                update callback_request set phone = '', note = null,
                    done_at = case when status = 'PENDING' then :now else done_at end,
                    status = case when status = 'PENDING' then 'CANCELLED' else status end
                where escalation_id in (:ids) and phone <> ''""")
                .param("now", now).param("ids", ids).update();
        int escalations = jdbc.sql("update escalation set citizen_id = '" + PURGED + "', citizen_phone = null, close_note = null,"
                + " open_conversation_id = null,"
                + " closed_at = case when status in " + OPEN + " then :now else closed_at end,"
                + " status = case when status in " + OPEN + " then 'CANCELLED' else status end"
                + " where id in (:ids) and citizen_id <> '" + PURGED + "'")
                .param("now", now).param("ids", ids).update();
        return List.of(new PurgeCount("escalation", escalations), new PurgeCount("lawyer_message", messages),
                new PurgeCount("callback_request", callbacks));
    }

    /** By channel and id; or by number: the id on SMS and the hotline, the channel's number, the callback's number. */
    private List<Long> escalationsOf(DataSubject citizen) {
        if (citizen instanceof DataSubject.OnChannel on) {
            return jdbc.sql("select id from escalation where channel = :channel and citizen_id = :citizen")
                    .param("channel", on.channel().wireName()).param("citizen", on.citizenId()).query(Long.class).list();
        }
        String digits = ((DataSubject.ByPhone) citizen).number().digits();
        return jdbc.sql("""
                select id from escalation where citizen_id = :digits or citizen_phone = :digits
                   or id in (select escalation_id from callback_request where phone = :digits)""")
                .param("digits", digits).query(Long.class).list();
    }
}
