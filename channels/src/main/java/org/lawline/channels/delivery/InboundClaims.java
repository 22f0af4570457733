package org.lawline.channels.delivery;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Claims each inbound message a channel may deliver more than once (a webhook's retry, a re-sent
 * POST), once across every instance. With Redis, a {@code SET NX} with a TTL turns repeats away
 * without touching the database; the unique key of {@code inbound_claim} stands behind it, so that
 * a Redis restart or a lost key still never lets a second answer out, and a Redis key without a
 * row (its insert failed) never stops the message from being answered. Without Redis, the
 * database alone decides. A claim left answering past the lease is taken over by compare-and-set
 * on its version. Thread safe.
 */
public class InboundClaims {

    private static final Logger log = LoggerFactory.getLogger(InboundClaims.class);

    private final JdbcClient jdbc;
    private final Optional<StatefulRedisConnection<String, String>> redis;
    private final String keyPrefix;
    private final Duration ttl;
    private final Duration lease;

    public InboundClaims(JdbcClient jdbc, Optional<StatefulRedisConnection<String, String>> redis, DeliverySettings settings) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.keyPrefix = settings.keyPrefix();
        this.ttl = settings.claimTtl();
        this.lease = settings.lease();
    }

    /**
     * Claims the message for this caller.
     *
     * @param key     the channel's id of the message, shared by its repeats
     * @param kind    a short name of what came, for the table
     * @param payload what the channel needs to answer the message should this instance die before
     *                it has; empty for a channel whose client repeats instead (the web)
     * @throws RuntimeException when the database is unreachable; nothing is left claimed then
     */
    public Claim claim(ChannelIdentity citizen, String key, String kind, Optional<String> payload, Instant now) {
        return claim(citizen, key, kind, payload, now, false);
    }

    private Claim claim(ChannelIdentity citizen, String key, String kind, Optional<String> payload, Instant now, boolean retried) {
        String redisKey = redisKey(citizen, key);
        if (!claimInRedis(citizen, redisKey)) {
            Optional<Row> row = row(citizen, key);
            if (row.isPresent()) {
                return existing(row.get(), citizen, key, now);
            }
            // Redis holds the key but the database no row: the claimant is inserting it this
            // moment, or its insert failed. The unique key tells which.
        }
        try {
            KeyHolder id = new GeneratedKeyHolder();
            jdbc.sql("""
                            insert into inbound_claim (channel, account, citizen_id, claim_key, kind, status, version, payload, received_at, updated_at)
                            values (:channel, :account, :citizen, :key, :kind, :status, 0, :payload, :now, :now)""")
                    .param("channel", citizen.channel().wireName())
                    .param("account", citizen.account())
                    .param("citizen", citizen.citizenId())
                    .param("key", key)
                    .param("kind", kind)
                    .param("status", ClaimStatus.ANSWERING.name())
                    .param("payload", payload.orElse(null))
                    .param("now", Utc.of(now))
                    .update(id, "id");
            return new Claim.Won(new ClaimTicket(id.getKeyAs(Number.class).longValue(), 0, citizen, key));
        } catch (DuplicateKeyException duplicate) {
            // Redis forgot (restart, TTL) what the database remembers, or another claimant was first.
            Optional<Row> row = row(citizen, key);
            if (row.isEmpty() && !retried) {
                // the row we collided with was released (its turn failed) before we read it: claim again
                return claim(citizen, key, kind, payload, now, true);
            }
            return row.map(found -> existing(found, citizen, key, now)).orElseGet(Claim.Taken::new);
        } catch (RuntimeException failed) {
            // Not claimed after all: a key left in Redis would turn every repeat away unanswered.
            forget(citizen, redisKey);
            throw failed;
        }
    }

    /** Answered synchronously with {@code answer}, which a repeat gets again. False when the ticket lost its claim. */
    public boolean answered(ClaimTicket ticket, String answer, Instant now) {
        return finish(ticket, ClaimStatus.ANSWERED, answer, now);
    }

    /** Answered by a message sent later, or with nothing: a repeat gets nothing. False when the ticket lost its claim. */
    public boolean answeredLater(ClaimTicket ticket, Instant now) {
        return finish(ticket, ClaimStatus.ANSWERED_LATER, null, now);
    }

    /**
     * Renews the lease of a claim whose answer is about to be recorded: true while the ticket still
     * owns it. Another instance cannot take it over for a lease from now.
     */
    public boolean stillHeld(ClaimTicket ticket, Instant now) {
        return jdbc.sql("""
                        update inbound_claim set updated_at = :now
                         where id = :id and version = :version and status in (:open)""")
                .param("now", Utc.of(now))
                .param("id", ticket.id())
                .param("version", ticket.version())
                .param("open", List.of(ClaimStatus.ANSWERING.name(), ClaimStatus.RECOVERING.name()))
                .update() == 1;
    }

    /** The turn failed before any answer: let a repeat try again. */
    public void release(ClaimTicket ticket) {
        jdbc.sql("delete from inbound_claim where id = :id and version = :version and status = :status")
                .param("id", ticket.id())
                .param("version", ticket.version())
                .param("status", ClaimStatus.ANSWERING.name())
                .update();
        forget(ticket.citizen(), redisKey(ticket.citizen(), ticket.key()));
    }

    /** Claims with a payload left {@link ClaimStatus#ANSWERING} since before {@code staleBefore}, oldest first. */
    public List<StrandedClaim> stranded(Instant staleBefore, int limit) {
        return jdbc.sql("""
                        select id, version, channel, account, citizen_id, claim_key, payload, received_at from inbound_claim
                         where status = :status and updated_at < :staleBefore and payload is not null order by id limit :limit""")
                .param("status", ClaimStatus.ANSWERING.name())
                .param("staleBefore", Utc.of(staleBefore))
                .param("limit", limit)
                .query((rs, n) -> new StrandedClaim(rs.getLong("id"), rs.getInt("version"),
                        new ChannelIdentity(Channel.of(rs.getString("channel")), rs.getString("account"), rs.getString("citizen_id")),
                        rs.getString("claim_key"), rs.getString("payload"), Utc.instant(rs, "received_at")))
                .list();
    }

    /**
     * Takes a stranded claim over, compare-and-set on its version: of several instances trying at
     * once, exactly one gets a ticket, and the instance that stranded it can no longer finish it.
     * A claim taken over is never taken over again, even when its new owner dies too: a message is
     * answered at most once more, never twice.
     */
    public Optional<ClaimTicket> takeOver(StrandedClaim claim, Instant staleBefore, Instant now) {
        int taken = jdbc.sql("""
                        update inbound_claim set status = :recovering, version = version + 1, updated_at = :now
                         where id = :id and version = :version and status = :answering and updated_at < :staleBefore""")
                .param("recovering", ClaimStatus.RECOVERING.name())
                .param("now", Utc.of(now))
                .param("id", claim.id())
                .param("version", claim.version())
                .param("answering", ClaimStatus.ANSWERING.name())
                .param("staleBefore", Utc.of(staleBefore))
                .update();
        return taken == 1 ? Optional.of(new ClaimTicket(claim.id(), claim.version() + 1, claim.citizen(), claim.key())) : Optional.empty();
    }

    /** The status of the claim of this message, if there is one. */
    public Optional<ClaimStatus> statusOf(ChannelIdentity citizen, String key) {
        return row(citizen, key).map(Row::status);
    }

    private boolean finish(ClaimTicket ticket, ClaimStatus status, String answer, Instant now) {
        // the payload was kept only for an instance to answer the message after this one died
        boolean finished = jdbc.sql("""
                        update inbound_claim set status = :status, answer = :answer, payload = null, updated_at = :now
                         where id = :id and version = :version and status in (:open)""")
                .param("status", status.name())
                .param("answer", answer)
                .param("now", Utc.of(now))
                .param("id", ticket.id())
                .param("version", ticket.version())
                .param("open", List.of(ClaimStatus.ANSWERING.name(), ClaimStatus.RECOVERING.name()))
                .update() == 1;
        if (!finished) {
            log.warn("Claim {} of {} was taken over before it was finished; its answer is not sent", ticket.id(), ticket.citizen());
        }
        return finished;
    }

    /** A repeat, or a claim someone holds: answered, in hand, or abandoned past the lease and taken over here. */
    private Claim existing(Row row, ChannelIdentity citizen, String key, Instant now) {
        if (row.status() == ClaimStatus.ANSWERED && row.answer().isPresent()) {
            return new Claim.Answered(row.answer().get());
        }
        if (row.status() == ClaimStatus.ANSWERING && row.updatedAt().isBefore(now.minus(lease))) {
            int taken = jdbc.sql("""
                            update inbound_claim set version = version + 1, updated_at = :now
                             where id = :id and version = :version and status = :answering""")
                    .param("now", Utc.of(now))
                    .param("id", row.id())
                    .param("version", row.version())
                    .param("answering", ClaimStatus.ANSWERING.name())
                    .update();
            if (taken == 1) {
                log.info("Claim {} of {} abandoned by its owner: taken over by a repeat", row.id(), citizen);
                return new Claim.Won(new ClaimTicket(row.id(), row.version() + 1, citizen, key));
            }
        }
        return new Claim.Taken();
    }

    private Optional<Row> row(ChannelIdentity citizen, String key) {
        return jdbc.sql("""
                        select id, version, status, answer, updated_at from inbound_claim
                         where channel = :channel and account = :account and citizen_id = :citizen and claim_key = :key""")
                .param("channel", citizen.channel().wireName())
                .param("account", citizen.account())
                .param("citizen", citizen.citizenId())
                .param("key", key)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getInt("version"), ClaimStatus.valueOf(rs.getString("status")),
                        Optional.ofNullable(rs.getString("answer")), Utc.instant(rs, "updated_at")))
                .optional();
    }

    /** True when Redis let this caller have the key, or when there is no Redis to ask. */
    private boolean claimInRedis(ChannelIdentity citizen, String redisKey) {
        if (redis.isEmpty()) {
            return true;
        }
        try {
            return "OK".equals(redis.get().sync().set(redisKey, "1", SetArgs.Builder.nx().px(ttl.toMillis())));
        } catch (RuntimeException e) {
            // The database's unique key still guarantees one answer; Redis only spares it work.
            log.warn("Redis did not answer a claim of {}; the database decides alone: {}", citizen, e.toString());
            return true;
        }
    }

    private void forget(ChannelIdentity citizen, String redisKey) {
        redis.ifPresent(connection -> {
            try {
                connection.sync().del(redisKey);
            } catch (RuntimeException e) {
                // the key expires with its TTL; until then the database lets a repeat claim it (no row)
                log.warn("Could not release the Redis claim of a message of {}: {}", citizen, e.toString());
            }
        });
    }

    /** The Redis key of a message's claim; public for the tests that play a claimant that died mid-claim. */
    public String redisKey(ChannelIdentity citizen, String key) {
        return keyPrefix + "claim:" + citizen.key() + ":" + key;
    }

    private record Row(long id, int version, ClaimStatus status, Optional<String> answer, Instant updatedAt) {
    }
}
