package org.lawline.handoff.escalation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.EscalationCancelled;
import org.lawline.conversation.EscalationRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The waiting queue the duty lawyers see, oldest first. A consultation has at most one open
 * escalation (a unique key): asking for a person again while waiting does not queue the citizen
 * twice. Events arrive at least once, so each listener is idempotent: a request is keyed by its
 * event id, and a cancellation only changes what is still waiting.
 */
@Component
class EscalationQueue {

    private static final Logger log = LoggerFactory.getLogger(EscalationQueue.class);

    private final JdbcClient db;
    private final Clock clock;

    EscalationQueue(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** One statement, so no transaction: the unique keys decide whether it is new. */
    @EventListener
    public void on(EscalationRequested event) {
        ChannelIdentity citizen = event.citizen();
        try {
            db.sql("""
                    insert into escalation (channel, account, citizen_id, reason, status, requested_at,
                                            conversation_id, event_id, open_conversation_id)
                    values (:channel, :account, :citizen, :reason, :status, :at, :conversation, :event, :conversation)""")
                    .param("channel", citizen.channel().wireName())
                    .param("account", citizen.account())
                    .param("citizen", citizen.citizenId())
                    .param("reason", event.reason().name())
                    .param("status", Escalation.Status.WAITING.name())
                    .param("at", event.requestedAt().atOffset(ZoneOffset.UTC))
                    .param("conversation", event.conversation().toString())
                    .param("event", event.id().toString())
                    .update();
            log.info("Escalation queued for {} ({}, consultation {})", citizen, event.reason(), event.conversation());
        } catch (DuplicateKeyException alreadyOpen) {
            // this event delivered again, or the consultation is already in the queue
            log.info("Escalation for {} (consultation {}) is already open; event {} changes nothing", citizen,
                    event.conversation(), event.id());
        }
    }

    @EventListener
    public void on(EscalationCancelled event) {
        ChannelIdentity citizen = event.citizen();
        int cancelled = db.sql("""
                update escalation set status = :cancelled, closed_at = :at, open_conversation_id = null
                where status = :waiting and (conversation_id = :conversation
                      or (conversation_id is null and channel = :channel and account = :account and citizen_id = :citizen))""")
                .param("cancelled", Escalation.Status.CANCELLED.name())
                .param("waiting", Escalation.Status.WAITING.name())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("conversation", event.conversation().toString())
                .param("channel", citizen.channel().wireName())
                .param("account", citizen.account())
                .param("citizen", citizen.citizenId())
                .update();
        log.info("Escalation for {} (consultation {}) cancelled by the citizen ({} row(s))", citizen, event.conversation(), cancelled);
    }

    /** The waiting escalations, oldest first. */
    List<Escalation> waiting() {
        return db.sql("""
                select id, channel, account, citizen_id, reason, status, requested_at
                from escalation where status = :waiting order by requested_at, id""")
                .param("waiting", Escalation.Status.WAITING.name())
                .query((rs, n) -> new Escalation(
                        rs.getLong("id"),
                        new ChannelIdentity(Channel.of(rs.getString("channel")), rs.getString("account"), rs.getString("citizen_id")),
                        EscalationRequested.Reason.valueOf(rs.getString("reason")),
                        Escalation.Status.valueOf(rs.getString("status")),
                        rs.getObject("requested_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
