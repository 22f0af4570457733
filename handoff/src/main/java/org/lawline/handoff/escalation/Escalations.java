package org.lawline.handoff.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.EscalationRequested;
import org.lawline.conversation.MobileNumber;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The {@code escalation} rows. Every change of status is one compare-and-set statement guarded by
 * the status it leaves, so a lawyer's claim and the pickup timer can race on several instances
 * and exactly one of them wins. Thread safe.
 */
public class Escalations {

    private static final String COLUMNS = "id, channel, account, citizen_id, citizen_phone, reason, status, requested_at, due_at, "
            + "claimed_by, claimed_at, timed_out_at, closed_at, outcome, close_note, rating ";

    private final JdbcClient db;

    public Escalations(JdbcClient db) {
        this.db = db;
    }

    /** Queues the citizen unless an escalation of theirs is open already. @return the new one, if queued */
    Optional<Escalation> open(EscalationRequested request, Instant dueAt) {
        if (openFor(request.citizen()).isPresent()) {
            return Optional.empty();
        }
        ChannelIdentity citizen = request.citizen();
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            // events arrive at least once: the event id and the one open escalation per consultation are unique keys
            db.sql("""
                    insert into escalation (channel, account, citizen_id, citizen_phone, reason, status, requested_at, due_at,
                                            conversation_id, event_id, open_conversation_id)
                    values (:channel, :account, :citizen, :phone, :reason, 'WAITING', :at, :due, :conversation, :event, :conversation)""")
                    .param("channel", citizen.channel().wireName())
                    .param("account", citizen.account())
                    .param("citizen", citizen.citizenId())
                    .param("phone", citizen.phone().map(MobileNumber::digits).orElse(null))
                    .param("reason", request.reason().name())
                    .param("at", utc(request.requestedAt()))
                    .param("due", utc(dueAt))
                    .param("conversation", request.conversation().toString())
                    .param("event", request.id().toString())
                    .update(keys, "id");
        } catch (DuplicateKeyException alreadyOpen) {
            return Optional.empty();
        }
        return find(keys.getKey().longValue());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** WAITING → CLAIMED, or a late TIMED_OUT → CLAIMED; each one compare-and-set. */
    ClaimResult claim(long id, String lawyer, Instant now) {
        if (claimFrom(id, "WAITING", lawyer, now)) {
            return new ClaimResult.Claimed(find(id).orElseThrow(), false);
        }
        if (claimFrom(id, "TIMED_OUT", lawyer, now)) {
            return new ClaimResult.Claimed(find(id).orElseThrow(), true);
        }
        return find(id)
                .filter(e -> e.status() == Escalation.Status.CLAIMED)
                .<ClaimResult>map(e -> new ClaimResult.HeldBy(e.claimedBy().orElse("?")))
                .orElseGet(ClaimResult.NotOpen::new);
    }

    private boolean claimFrom(long id, String status, String lawyer, Instant now) {
        return db.sql("update escalation set status = 'CLAIMED', claimed_by = :lawyer, claimed_at = :now where id = :id and status = :status")
                .param("lawyer", lawyer).param("now", utc(now)).param("id", id).param("status", status)
                .update() == 1;
    }

    /** WAITING → TIMED_OUT: the pickup timer's side of the race. @return whether the timer won */
    boolean timeOut(long id, Instant now) {
        return db.sql("update escalation set status = 'TIMED_OUT', timed_out_at = :now where id = :id and status = 'WAITING'")
                .param("now", utc(now)).param("id", id).update() == 1;
    }

    /** TIMED_OUT → WAITING, when the citizen could not be told of the timeout: the timer fires again. */
    void reopen(long id) {
        db.sql("update escalation set status = 'WAITING', timed_out_at = null where id = :id and status = 'TIMED_OUT'")
                .param("id", id).update();
    }

    /** The citizen's waiting or timed-out escalation → CANCELLED. @return the one cancelled */
    Optional<Escalation> cancel(ChannelIdentity citizen, Instant now) {
        Optional<Escalation> open = openFor(citizen).filter(e -> e.status() != Escalation.Status.CLAIMED);
        open.ifPresent(e -> db.sql("""
                update escalation set status = 'CANCELLED', closed_at = :now, open_conversation_id = null where id = :id and status in ('WAITING', 'TIMED_OUT')""")
                .param("now", utc(now)).param("id", e.id()).update());
        return open;
    }

    /** CLAIMED by this lawyer → CLOSED. @return whether it was theirs to close */
    boolean close(long id, String lawyer, String outcome, Optional<String> note, Instant now) {
        return db.sql("""
                update escalation set status = 'CLOSED', closed_at = :now, outcome = :outcome, close_note = :note, open_conversation_id = null
                where id = :id and status = 'CLAIMED' and claimed_by = :lawyer""")
                .param("now", utc(now)).param("outcome", outcome).param("note", note.orElse(null))
                .param("id", id).param("lawyer", lawyer).update() == 1;
    }

    /**
     * Records the citizen's rating on their closed consultation; the first rating stands, so a
     * rating delivered twice changes nothing. @return the escalation that took it
     */
    Optional<Long> rate(ConversationId consultation, String rating, Instant at) {
        Optional<Long> closed = db.sql("select id from escalation where conversation_id = :c and status = 'CLOSED' order by id desc")
                .param("c", consultation.toString()).query(Long.class).list().stream().findFirst();
        return closed.filter(id -> db.sql("update escalation set rating = :rating, rated_at = :at where id = :id and rating is null")
                .param("rating", rating).param("at", utc(at)).param("id", id).update() == 1);
    }

    /** Hands a held chat from one lawyer to another. */
    boolean transfer(long id, String from, String to, Instant now) {
        return db.sql("update escalation set claimed_by = :to, claimed_at = :now where id = :id and status = 'CLAIMED' and claimed_by = :from")
                .param("to", to).param("now", utc(now)).param("id", id).param("from", from).update() == 1;
    }

    /**
     * The consultation the escalation belongs to, for the events that speak in it (a lawyer's
     * reply, the callback's messages); an escalation queued before consultations had ids gets a
     * consultation of its own.
     */
    public ConversationId consultationOf(long id) {
        return db.sql("select conversation_id from escalation where id = :id").param("id", id).query(String.class).optional()
                .filter(value -> value != null && !value.isBlank())
                .map(ConversationId::of)
                .orElseGet(ConversationId::next);
    }

    public Optional<Escalation> find(long id) {
        return db.sql("select " + COLUMNS + " from escalation where id = :id").param("id", id).query(Escalations::row).optional();
    }

    /** The citizen's escalation that is not over yet (waiting, held or timed out). */
    public Optional<Escalation> openFor(ChannelIdentity citizen) {
        return db.sql("select " + COLUMNS + """
                 from escalation where channel = :channel and account = :account and citizen_id = :citizen
                 and status in ('WAITING', 'CLAIMED', 'TIMED_OUT') order by id desc""")
                .param("channel", citizen.channel().wireName()).param("account", citizen.account()).param("citizen", citizen.citizenId())
                .query(Escalations::row).list().stream().findFirst();
    }

    /** Waiting escalations, oldest first. */
    public List<Escalation> waiting() {
        return db.sql("select " + COLUMNS + " from escalation where status = 'WAITING' order by requested_at, id")
                .query(Escalations::row).list();
    }

    /** Timed out to a callback and not yet over: a lawyer may still take them. */
    public List<Escalation> timedOut() {
        return db.sql("select " + COLUMNS + " from escalation where status = 'TIMED_OUT' order by requested_at, id")
                .query(Escalations::row).list();
    }

    /** Timed out at or after {@code since} and still timed out (no lawyer took them late). */
    List<Escalation> timedOutSince(Instant since) {
        return db.sql("select " + COLUMNS + " from escalation where status = 'TIMED_OUT' and timed_out_at >= :since order by timed_out_at, id")
                .param("since", utc(since)).query(Escalations::row).list();
    }

    /** Those a lawyer holds, oldest claim first. */
    public List<Escalation> heldBy(String lawyer) {
        return db.sql("select " + COLUMNS + " from escalation where status = 'CLAIMED' and claimed_by = :lawyer order by claimed_at, id")
                .param("lawyer", lawyer).query(Escalations::row).list();
    }

    /**
     * What a lawyer looks closed consultations up by; every part optional.
     *
     * @param numberStart what the masked citizen shows before the stars (138 of 138****5678), matched on the number or the channel id
     * @param numberEnd   what it shows after them (5678)
     * @param from        closed at or after
     * @param before      closed before
     */
    public record ClosedSearch(Optional<String> numberStart, Optional<String> numberEnd, Optional<Instant> from,
                               Optional<Instant> before, Optional<String> outcome, int limit) {
    }

    /** Closed ones matching the search, newest first. */
    public List<Escalation> closed(ClosedSearch search) {
        StringBuilder where = new StringBuilder(" where status = 'CLOSED'");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (search.numberStart().isPresent() || search.numberEnd().isPresent()) {
            // the masked form is the phone number's where the channel gives one, else the channel id's
            String pattern = like(search.numberStart().orElse("")) + "%" + like(search.numberEnd().orElse(""));
            where.append(" and ((citizen_phone is not null and citizen_phone like :pattern escape '\\')"
                    + " or (citizen_phone is null and citizen_id like :pattern escape '\\'))");
            params.put("pattern", pattern);
        }
        search.from().ifPresent(from -> {
            where.append(" and closed_at >= :from");
            params.put("from", utc(from));
        });
        search.before().ifPresent(before -> {
            where.append(" and closed_at < :before");
            params.put("before", utc(before));
        });
        search.outcome().ifPresent(outcome -> {
            where.append(" and outcome = :outcome");
            params.put("outcome", outcome);
        });
        params.put("limit", search.limit());
        return db.sql("select " + COLUMNS + " from escalation" + where + " order by closed_at desc, id desc limit :limit")
                .params(params).query(Escalations::row).list();
    }

    /** A user's text inside a LIKE pattern: its wildcards match only themselves. */
    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Closed ones, newest first, at most {@code limit}. */
    public List<Escalation> closed(int limit) {
        return db.sql("select " + COLUMNS + " from escalation where status = 'CLOSED' order by closed_at desc, id desc")
                .query(Escalations::row).list().stream().limit(limit).toList();
    }

    /** Waiting escalations whose timer is due: what the reconciler re-derives after a restart. */
    List<Long> overdue(Instant now) {
        return db.sql("select id from escalation where status = 'WAITING' and due_at <= :now order by due_at")
                .param("now", utc(now)).query(Long.class).list();
    }

    /** Waiting escalations with their due times, for re-arming the timers. */
    List<Escalation> allWaiting() {
        return waiting();
    }

    private static Escalation row(ResultSet rs, int n) throws SQLException {
        return new Escalation(
                rs.getLong("id"),
                new ChannelIdentity(Channel.of(rs.getString("channel")), rs.getString("account"), rs.getString("citizen_id"),
                        Optional.ofNullable(rs.getString("citizen_phone")).map(MobileNumber::new)),
                EscalationRequested.Reason.valueOf(rs.getString("reason")),
                Escalation.Status.valueOf(rs.getString("status")),
                instant(rs, "requested_at").orElseThrow(),
                instant(rs, "due_at").orElseThrow(),
                Optional.ofNullable(rs.getString("claimed_by")),
                instant(rs, "claimed_at"),
                instant(rs, "timed_out_at"),
                instant(rs, "closed_at"),
                Optional.ofNullable(rs.getString("outcome")),
                Optional.ofNullable(rs.getString("close_note")),
                Optional.ofNullable(rs.getString("rating")));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, java.time.OffsetDateTime.class)).map(java.time.OffsetDateTime::toInstant);
    }
}
