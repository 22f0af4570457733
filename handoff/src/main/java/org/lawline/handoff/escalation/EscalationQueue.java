package org.lawline.handoff.escalation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.EscalationCancelled;
import org.lawline.conversation.EscalationRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The waiting queue the duty lawyers see, oldest first. A conversation has at most one waiting
 * escalation: asking for a person again while waiting does not queue the citizen twice.
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

    @EventListener
    @Transactional
    public void on(EscalationRequested event) {
        ChannelIdentity citizen = event.citizen();
        if (waitingFor(citizen) > 0) {
            log.info("Escalation for {} is already waiting", citizen);
            return;
        }
        db.sql("""
                insert into escalation (channel, account, citizen_id, reason, status, requested_at)
                values (:channel, :account, :citizen, :reason, 'WAITING', :at)""")
                .param("channel", citizen.channel().wireName())
                .param("account", citizen.account())
                .param("citizen", citizen.citizenId())
                .param("reason", event.reason().name())
                .param("at", Timestamp.from(event.requestedAt()))
                .update();
        log.info("Escalation queued for {} ({})", citizen, event.reason());
    }

    @EventListener
    @Transactional
    public void on(EscalationCancelled event) {
        ChannelIdentity citizen = event.citizen();
        int cancelled = db.sql("""
                update escalation set status = 'CANCELLED', closed_at = :at
                where channel = :channel and account = :account and citizen_id = :citizen and status = 'WAITING'""")
                .param("at", Timestamp.from(clock.instant()))
                .param("channel", citizen.channel().wireName())
                .param("account", citizen.account())
                .param("citizen", citizen.citizenId())
                .update();
        log.info("Escalation for {} cancelled by the citizen ({} row(s))", citizen, cancelled);
    }

    /** The waiting escalations, oldest first. */
    List<Escalation> waiting() {
        return db.sql("""
                select id, channel, account, citizen_id, reason, status, requested_at
                from escalation where status = 'WAITING' order by requested_at, id""")
                .query((rs, n) -> new Escalation(
                        rs.getLong("id"),
                        new ChannelIdentity(Channel.of(rs.getString("channel")), rs.getString("account"), rs.getString("citizen_id")),
                        EscalationRequested.Reason.valueOf(rs.getString("reason")),
                        Escalation.Status.valueOf(rs.getString("status")),
                        rs.getTimestamp("requested_at").toInstant()))
                .list();
    }

    private int waitingFor(ChannelIdentity citizen) {
        return db.sql("""
                select count(*) from escalation
                where channel = :channel and account = :account and citizen_id = :citizen and status = 'WAITING'""")
                .param("channel", citizen.channel().wireName())
                .param("account", citizen.account())
                .param("citizen", citizen.citizenId())
                .query(Integer.class).single();
    }
}
