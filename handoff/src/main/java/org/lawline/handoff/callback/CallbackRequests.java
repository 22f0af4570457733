package org.lawline.handoff.callback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.lawline.conversation.CallbackNumberConfirmed;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.EscalationCancelled;
import org.lawline.conversation.MobileNumber;
import org.lawline.conversation.Reply;
import org.lawline.conversation.EventId;
import org.lawline.conversation.ReplyComposed;
import org.lawline.handoff.HandoffSettings;
import org.lawline.handoff.escalation.Escalation;
import org.lawline.handoff.escalation.EscalationClaimed;
import org.lawline.handoff.escalation.EscalationTimedOut;
import org.lawline.handoff.escalation.Escalations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operators' list of 12348 callbacks ({@code callback_request}). A callback joins it when the
 * citizen of a timed-out chat has a confirmed number (one per escalation: the unique key makes a
 * replayed event a no-op, so a callback is never doubled), and leaves it when an operator ends it,
 * a lawyer claims the chat late, or the citizen cancels.
 */
public class CallbackRequests {

    private static final Logger log = LoggerFactory.getLogger(CallbackRequests.class);
    static final String GAVE_UP = "12348热线多次拨打您留下的电话未能接通。如仍需帮助，请直接拨打12348，或回复“人工”再次联系值班律师。";

    private final JdbcClient db;
    private final Escalations escalations;
    private final HotlineHours hours;
    private final HandoffSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public CallbackRequests(JdbcClient db, Escalations escalations, HotlineHours hours, HandoffSettings settings,
                            ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.escalations = escalations;
        this.hours = hours;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    public void on(CallbackNumberConfirmed confirmed) {
        Optional<Escalation> timedOut = escalations.openFor(confirmed.citizen()).filter(e -> e.status() == Escalation.Status.TIMED_OUT);
        if (timedOut.isEmpty()) {
            log.warn("Callback number confirmed for {} without a timed-out escalation; none queued", confirmed.citizen());
            return;
        }
        queue(timedOut.get().id(), confirmed.phone(), confirmed.confirmedAt());
    }

    /**
     * A hotline caller's voicemail that no lawyer answered in time: the caller is called back on
     * the number they called from. The engine never held a conversation with them, so no
     * {@link CallbackNumberConfirmed} comes; the number is the hotline identity's own.
     */
    @EventListener
    public void on(EscalationTimedOut timedOut) {
        escalations.find(timedOut.escalationId())
                .filter(e -> e.citizen().channel() == Channel.HOTLINE)
                .ifPresent(e -> e.citizen().phone().ifPresentOrElse(
                        phone -> queue(e.id(), phone, timedOut.timedOutAt()),
                        () -> log.warn("Hotline escalation {} has no number to call back", e.id())));
    }

    private void queue(long escalationId, MobileNumber phone, Instant now) {
        try {
            db.sql("""
                    insert into callback_request (escalation_id, phone, status, attempts, requested_at, due_by)
                    values (:e, :phone, 'PENDING', 0, :at, :due)""")
                    .param("e", escalationId).param("phone", phone.digits())
                    .param("at", Timestamp.from(now)).param("due", Timestamp.from(hours.dueBy(now, settings.callbackWithin())))
                    .update();
        } catch (DuplicateKeyException e) {
            log.info("Callback for escalation {} is queued already", escalationId);
            return;
        }
        byEscalation(escalationId).ifPresent(callback -> {
            events.publishEvent(new CallbackChanged(callback.id()));
            log.info("Callback {} queued for escalation {}", callback.id(), callback.escalationId());
        });
    }

    /** A lawyer took the chat after its timeout: the hotline need not call. */
    @EventListener
    public void on(EscalationClaimed claimed) {
        if (claimed.afterTimeout()) {
            cancelPendingOf(claimed.escalationId());
        }
    }

    @EventListener
    public void on(EscalationCancelled cancelled) {
        escalations.openFor(cancelled.citizen()).ifPresent(e -> cancelPendingOf(e.id()));
        // the escalation may have been cancelled a moment earlier by the lifecycle: its latest one
        latestEscalationOf(cancelled.citizen()).ifPresent(this::cancelPendingOf);
    }

    private void cancelPendingOf(long escalationId) {
        int cancelled = db.sql("""
                update callback_request set status = 'CANCELLED', done_at = :now where escalation_id = :e and status = 'PENDING'""")
                .param("now", Timestamp.from(clock.instant())).param("e", escalationId).update();
        if (cancelled > 0) {
            byEscalation(escalationId).ifPresent(c -> events.publishEvent(new CallbackChanged(c.id())));
            log.info("Callback of escalation {} cancelled", escalationId);
        }
    }

    private Optional<Long> latestEscalationOf(ChannelIdentity citizen) {
        return db.sql("select max(id) from escalation where channel = :c and account = :a and citizen_id = :i")
                .param("c", citizen.channel().wireName()).param("a", citizen.account()).param("i", citizen.citizenId())
                .query(Long.class).optional();
    }

    /** The operator's outcome of one call. */
    public enum Outcome { REACHED, UNREACHABLE, RESOLVED }

    /**
     * Records a call. Unreachable: the callback is due again after {@code retryUnreachable}, up to
     * {@code callbackAttempts} tries, then the citizen is told by message.
     *
     * @return the callback after it, or empty when there is no pending callback with this id
     */
    public Optional<CallbackRequest> record(long id, Outcome outcome, Optional<String> note, String operator) {
        Instant now = clock.instant();
        Optional<CallbackRequest> pending = find(id).filter(c -> c.status() == CallbackRequest.Status.PENDING);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        int attempts = pending.get().attempts() + 1;
        boolean givingUp = outcome == Outcome.UNREACHABLE && attempts >= settings.callbackAttempts();
        String status = outcome == Outcome.UNREACHABLE ? (givingUp ? "UNREACHABLE" : "PENDING") : outcome.name();
        int updated = db.sql("""
                update callback_request set status = :status, attempts = :attempts, outcome = :outcome, note = :note,
                    due_by = :due, done_at = :done
                where id = :id and status = 'PENDING' and attempts = :before""")
                .param("status", status).param("attempts", attempts).param("outcome", outcome.name())
                .param("note", note.orElse(null))
                .param("due", Timestamp.from(status.equals("PENDING") ? now.plus(settings.retryUnreachable()) : pending.get().dueBy()))
                .param("done", status.equals("PENDING") ? null : Timestamp.from(now))
                .param("id", id).param("before", pending.get().attempts())
                .update();
        if (updated == 0) {
            // another operator recorded this call a moment earlier
            return find(id);
        }
        if (givingUp) {
            events.publishEvent(new ReplyComposed(EventId.next(), escalations.consultationOf(pending.get().escalationId()),
                    pending.get().citizen(), Optional.empty(), new Reply.Handoff(GAVE_UP, DialogState.BOT), now));
        }
        events.publishEvent(new CallbackChanged(id));
        log.info("Callback {} by {}: {} (try {})", id, operator, outcome, attempts);
        return find(id);
    }

    public Optional<CallbackRequest> find(long id) {
        return db.sql(SELECT + " where c.id = :id").param("id", id).query(CallbackRequests::row).optional();
    }

    Optional<CallbackRequest> byEscalation(long escalationId) {
        return db.sql(SELECT + " where c.escalation_id = :e").param("e", escalationId).query(CallbackRequests::row).optional();
    }

    /** Pending callbacks, soonest due first. */
    public List<CallbackRequest> pending() {
        return db.sql(SELECT + " where c.status = 'PENDING' order by c.due_by, c.id").query(CallbackRequests::row).list();
    }

    /** Ended callbacks, latest first. */
    public List<CallbackRequest> done(int limit) {
        return db.sql(SELECT + " where c.status <> 'PENDING' order by c.done_at desc, c.id desc").query(CallbackRequests::row)
                .list().stream().limit(limit).toList();
    }

    /** A callback whose number was purged (retention, deletion on request) is no longer on any list. */
    private static final String SELECT = """
            select c.id, c.escalation_id, c.phone, c.status, c.attempts, c.requested_at, c.due_by, c.note,
                   e.channel, e.account, e.citizen_id
            from callback_request c join escalation e on e.id = c.escalation_id and c.phone <> ''""";

    private static CallbackRequest row(ResultSet rs, int n) throws SQLException {
        return new CallbackRequest(rs.getLong("id"), rs.getLong("escalation_id"),
                new ChannelIdentity(Channel.of(rs.getString("channel")), rs.getString("account"), rs.getString("citizen_id")),
                new MobileNumber(rs.getString("phone")), CallbackRequest.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(), rs.getObject("due_by", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getString("note")));
    }
}
