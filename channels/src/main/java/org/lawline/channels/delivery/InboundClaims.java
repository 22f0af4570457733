package org.lawline.channels.delivery;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Claims each inbound message a channel may deliver more than once (a webhook's retry, a re-sent
 * POST), once across every instance. With Redis, a {@code SET NX} with a TTL turns repeats away
 * without touching the database; the unique key of {@code inbound_claim} stands behind it, so that
 * a Redis restart or a lost key still never lets a second answer out, and a Redis key without a
 * row (its insert failed) never stops the message from being answered. Without Redis, the
 * database alone decides. A claim left answering past the lease is taken over by compare-and-set
 * on its version.
 *
 * <p>A database that does not answer within {@link DeliverySettings#databaseWait()} (it is down,
 * or frozen) does not keep a citizen from an answer: a message Redis let this caller have is
 * claimed in Redis alone, its outcome kept there too (a repeat gets the same answer, or nothing),
 * and the rows the database missed are queued in Redis and written by {@link HeldWrites} once it
 * answers again. Only a message that neither Redis nor the database can claim fails. Thread safe.
 */
public class InboundClaims {

    private static final Logger log = LoggerFactory.getLogger(InboundClaims.class);

    private final JdbcClient jdbc;
    private final Optional<StatefulRedisConnection<String, String>> redis;
    private final String keyPrefix;
    private final Duration ttl;
    private final Duration lease;
    private final BoundedDatabase database;
    private final JsonMapper json = JsonMapper.builder().build();

    public InboundClaims(JdbcClient jdbc, Optional<StatefulRedisConnection<String, String>> redis, DeliverySettings settings) {
        this(jdbc, redis, settings, new BoundedDatabase(settings.databaseWait(), settings.databasePause()));
    }

    /** @param database how long a claim waits for the database, shared with the other calls on a citizen's path */
    public InboundClaims(JdbcClient jdbc, Optional<StatefulRedisConnection<String, String>> redis, DeliverySettings settings,
                         BoundedDatabase database) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.keyPrefix = settings.keyPrefix();
        this.ttl = settings.claimTtl();
        this.lease = settings.lease();
        this.database = database;
    }

    /** What Redis said to a claim. */
    private enum RedisClaim {
        /** This caller set the key. */
        WON,
        /** Someone claimed the message before. */
        HELD,
        /** No Redis, or it did not answer: the database decides alone. */
        ABSENT
    }

    /**
     * Claims the message for this caller.
     *
     * @param key     the channel's id of the message, shared by its repeats
     * @param kind    a short name of what came, for the table
     * @param payload what the channel needs to answer the message should this instance die before
     *                it has; empty for a channel whose client repeats instead (the web)
     * @return {@link Claim.Won} with a ticket {@link ClaimTicket#heldInRedisOnly()} when the database
     *         did not answer within the wait and Redis holds the claim alone
     * @throws RuntimeException when neither the database nor Redis can claim it; nothing is left claimed then
     */
    public Claim claim(ChannelIdentity citizen, String key, String kind, Optional<String> payload, Instant now) {
        return claim(citizen, key, kind, payload, now, false);
    }

    private Claim claim(ChannelIdentity citizen, String key, String kind, Optional<String> payload, Instant now, boolean retried) {
        String redisKey = redisKey(citizen, key);
        RedisClaim inRedis = claimInRedis(citizen, redisKey);
        if (inRedis == RedisClaim.HELD) {
            Optional<HeldClaim> held = held(redisKey);
            if (held.isPresent()) {
                // claimed while the database was down: Redis alone knows how it stands
                return held.get().asRepeat();
            }
            Optional<Row> row;
            try {
                row = database.call(() -> row(citizen, key));
            } catch (DatabaseUnavailable down) {
                // Redis says someone has it and the database cannot say more: one answer, not two
                log.info("A repeated {} of {} while the database is unavailable: answered nothing new", kind, citizen);
                return new Claim.Taken();
            }
            if (row.isPresent()) {
                return existing(row.get(), citizen, key, now);
            }
            // Redis holds the key but the database no row: the claimant is inserting it this
            // moment, or its insert failed. The unique key tells which.
        }
        try {
            long id = database.call(() -> insert(citizen, key, kind, payload, now));
            return new Claim.Won(new ClaimTicket(id, 0, citizen, key));
        } catch (DuplicateKeyException duplicate) {
            // Redis forgot (restart, TTL) what the database remembers, or another claimant was first.
            Optional<Row> row = row(citizen, key);
            if (row.isEmpty() && !retried) {
                // the row we collided with was released (its turn failed) before we read it: claim again
                return claim(citizen, key, kind, payload, now, true);
            }
            return row.map(found -> existing(found, citizen, key, now)).orElseGet(Claim.Taken::new);
        } catch (DatabaseUnavailable down) {
            if (inRedis == RedisClaim.WON && hold(redisKey, new HeldClaim(ClaimStatus.ANSWERING.name(), kind, now.toEpochMilli(), null))) {
                log.warn("The database is unavailable: the claim of a {} of {} is held in Redis alone until it is back", kind, citizen);
                return new Claim.Won(ClaimTicket.heldInRedis(citizen, key));
            }
            forget(citizen, redisKey);
            throw down;
        } catch (RuntimeException failed) {
            // Not claimed after all: a key left in Redis would turn every repeat away unanswered.
            forget(citizen, redisKey);
            throw failed;
        }
    }

    private long insert(ChannelIdentity citizen, String key, String kind, Optional<String> payload, Instant now) {
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
        return id.getKeyAs(Number.class).longValue();
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
        if (ticket.heldInRedisOnly()) {
            // the database has no row of it, so no other instance can take it over
            return true;
        }
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
        if (!ticket.heldInRedisOnly()) {
            try {
                database.call(() -> jdbc.sql("delete from inbound_claim where id = :id and version = :version and status = :status")
                        .param("id", ticket.id())
                        .param("version", ticket.version())
                        .param("status", ClaimStatus.ANSWERING.name())
                        .update());
            } catch (DatabaseUnavailable down) {
                // the row stays ANSWERING: a repeat or the reconciler takes it over after the lease
                log.warn("Could not release claim {} of {}: {}", ticket.id(), ticket.citizen(), down.getMessage());
            }
        }
        forget(ticket.citizen(), redisKey(ticket.citizen(), ticket.key()));
    }

    /**
     * Keeps {@code text}, an answer to the claimed message that is to be recorded in the outbox
     * and sent, until the database is back: for a claim held in Redis alone, whose outbox rows
     * cannot be written now. False when Redis did not take it either.
     */
    public boolean sendWhenWritable(ClaimTicket ticket, String text, Instant now) {
        return queue(new HeldWrite(HeldWrite.REST, ticket.citizen().channel().wireName(), ticket.citizen().account(),
                ticket.citizen().citizenId(), ticket.key(), null, null, text, now.toEpochMilli(), now.toEpochMilli()));
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
        if (held(redisKey(claim.citizen(), claim.key())).isPresent()) {
            // its row was left ANSWERING when the database stopped answering mid-claim; Redis
            // holds the claim, which was answered or is being answered, and its outcome follows
            log.info("Claim {} of {} is held in Redis while its row waits to be written: not taken over", claim.id(), claim.citizen());
            return Optional.empty();
        }
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
        if (ticket.heldInRedisOnly()) {
            return holdOutcome(ticket, status, answer, now);
        }
        boolean finished;
        try {
            finished = database.call(() -> finishInDatabase(ticket, status, answer, now));
        } catch (DatabaseUnavailable down) {
            // the database went away during the turn: the answer goes out, and its row follows
            if (holdOutcome(ticket, status, answer, now)) {
                log.warn("The database is unavailable: claim {} of {} is finished in Redis until it is back", ticket.id(), ticket.citizen());
                return true;
            }
            throw down;
        }
        if (!finished) {
            log.warn("Claim {} of {} was taken over before it was finished; its answer is not sent", ticket.id(), ticket.citizen());
        }
        return finished;
    }

    private boolean finishInDatabase(ClaimTicket ticket, ClaimStatus status, String answer, Instant now) {
        // the payload was kept only for an instance to answer the message after this one died
        return jdbc.sql("""
                        update inbound_claim set status = :status, answer = :answer, payload = null, updated_at = :now
                         where id = :id and version = :version and status in (:open)""")
                .param("status", status.name())
                .param("answer", answer)
                .param("now", Utc.of(now))
                .param("id", ticket.id())
                .param("version", ticket.version())
                .param("open", List.of(ClaimStatus.ANSWERING.name(), ClaimStatus.RECOVERING.name()))
                .update() == 1;
    }

    /** The outcome of a claim, kept in Redis for repeats and queued for the database. */
    private boolean holdOutcome(ClaimTicket ticket, ClaimStatus status, String answer, Instant now) {
        if (redis.isEmpty()) {
            return false;
        }
        String redisKey = redisKey(ticket.citizen(), ticket.key());
        Optional<HeldClaim> before = held(redisKey);
        String kind = before.map(HeldClaim::kind).orElse(null);
        long receivedAt = before.map(HeldClaim::receivedAt).orElse(now.toEpochMilli());
        ChannelIdentity citizen = ticket.citizen();
        return hold(redisKey, new HeldClaim(status.name(), kind, receivedAt, answer))
                && queue(new HeldWrite(HeldWrite.CLAIM, citizen.channel().wireName(), citizen.account(), citizen.citizenId(), ticket.key(),
                kind, status.name(), answer, receivedAt, now.toEpochMilli()));
    }

    // ---- what Redis holds while the database is down ----

    private boolean hold(String redisKey, HeldClaim claim) {
        if (redis.isEmpty()) {
            return false;
        }
        try {
            redis.get().sync().set(redisKey, json.writeValueAsString(claim), SetArgs.Builder.px(ttl.toMillis()));
            return true;
        } catch (RuntimeException e) {
            log.error("Neither the database nor Redis took a claim: {}", e.toString());
            return false;
        }
    }

    /** A claim Redis holds alone; empty for one the database has (or will have) a row of, or when Redis cannot say. */
    private Optional<HeldClaim> held(String redisKey) {
        if (redis.isEmpty()) {
            return Optional.empty();
        }
        try {
            String value = redis.get().sync().get(redisKey);
            return value != null && value.startsWith("{") ? Optional.of(json.readValue(value, HeldClaim.class)) : Optional.empty();
        } catch (RuntimeException e) {
            log.warn("Could not read a claim from Redis: {}", e.toString());
            return Optional.empty();
        }
    }

    private boolean queue(HeldWrite write) {
        if (redis.isEmpty()) {
            return false;
        }
        try {
            redis.get().sync().rpush(heldWritesKey(), json.writeValueAsString(write));
            return true;
        } catch (RuntimeException e) {
            log.error("A write the database missed could not be kept in Redis either ({}): {}", write, e.toString());
            return false;
        }
    }

    private String heldWritesKey() {
        return keyPrefix + "claim-writes";
    }

    /** The oldest write the database missed, as Redis keeps it; empty when none (or no Redis). */
    Optional<String> oldestHeldWrite() {
        return redis.map(connection -> connection.sync().lindex(heldWritesKey(), 0));
    }

    /** Forgets a held write once the database has it. */
    void written(String raw) {
        redis.ifPresent(connection -> connection.sync().lrem(heldWritesKey(), 1, raw));
    }

    /** Moves a held write the database refuses to a list of its own; returns that list's key. */
    String setAside(String raw) {
        String refused = keyPrefix + "claim-writes-refused";
        redis.ifPresent(connection -> {
            connection.sync().rpush(refused, raw);
            connection.sync().lrem(heldWritesKey(), 1, raw);
        });
        return refused;
    }

    /** How many writes wait for the database. */
    long heldWrites() {
        return redis.map(connection -> connection.sync().llen(heldWritesKey())).orElse(0L);
    }

    HeldWrite readHeldWrite(String raw) {
        try {
            return json.readValue(raw, HeldWrite.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Not a held write", e);
        }
    }

    /** Runs a database call within the wait a citizen's answer can afford (see {@link BoundedDatabase}). */
    <T> T bounded(Supplier<T> call) {
        return database.call(call);
    }

    /**
     * Writes a claim's outcome the database missed: onto its row if the row is still open (its
     * insert reached the database before it stopped answering), or as a new row. A row finished
     * some other way meanwhile is left as it is. Idempotent, so two instances may write the same.
     */
    void writeBack(HeldWrite write) {
        ChannelIdentity citizen = new ChannelIdentity(Channel.of(write.channel()), write.account(), write.citizenId());
        if (closeOpenRow(write) > 0) {
            return;
        }
        if (row(citizen, write.key()).isPresent()) {
            return;
        }
        try {
            jdbc.sql("""
                            insert into inbound_claim (channel, account, citizen_id, claim_key, kind, status, version, answer, received_at, updated_at)
                            values (:channel, :account, :citizen, :key, :kind, :status, 0, :answer, :receivedAt, :at)""")
                    .param("channel", write.channel())
                    .param("account", write.account())
                    .param("citizen", write.citizenId())
                    .param("key", write.key())
                    .param("kind", write.kind() == null ? "unknown" : write.kind())
                    .param("status", write.status())
                    .param("answer", write.text())
                    .param("receivedAt", Utc.of(Instant.ofEpochMilli(write.receivedAt())))
                    .param("at", Utc.of(Instant.ofEpochMilli(write.at())))
                    .update();
        } catch (DuplicateKeyException inserted) {
            // its own insert, late, or another instance's write-back: close it if it is open
            closeOpenRow(write);
        }
    }

    private int closeOpenRow(HeldWrite write) {
        return jdbc.sql("""
                        update inbound_claim set status = :status, answer = :answer, payload = null, updated_at = :at
                         where channel = :channel and account = :account and citizen_id = :citizen and claim_key = :key
                           and status in (:open)""")
                .param("status", write.status())
                .param("answer", write.text())
                .param("at", Utc.of(Instant.ofEpochMilli(write.at())))
                .param("channel", write.channel())
                .param("account", write.account())
                .param("citizen", write.citizenId())
                .param("key", write.key())
                .param("open", List.of(ClaimStatus.ANSWERING.name(), ClaimStatus.RECOVERING.name()))
                .update();
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

    private RedisClaim claimInRedis(ChannelIdentity citizen, String redisKey) {
        if (redis.isEmpty()) {
            return RedisClaim.ABSENT;
        }
        try {
            return "OK".equals(redis.get().sync().set(redisKey, "1", SetArgs.Builder.nx().px(ttl.toMillis())))
                    ? RedisClaim.WON : RedisClaim.HELD;
        } catch (RuntimeException e) {
            // The database's unique key still guarantees one answer; Redis only spares it work.
            log.warn("Redis did not answer a claim of {}; the database decides alone: {}", citizen, e.toString());
            return RedisClaim.ABSENT;
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
