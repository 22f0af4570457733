package org.lawline.channels.wechat;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Claims each webhook call WeChat may retry, once across every instance. With Redis, a
 * {@code SET NX} with a TTL turns retries away without touching the database; the unique key
 * (account, retry_key) of {@code wechat_inbound} stands behind it, so that a Redis restart or a
 * lost key still never lets a second answer out. Without Redis, the database alone decides.
 * Thread safe.
 */
class MessageClaims {

    private static final Logger log = LoggerFactory.getLogger(MessageClaims.class);

    static final String ANSWERING = "ANSWERING";
    static final String ANSWERED = "ANSWERED";
    static final String ANSWERED_LATER = "ANSWERED_LATER";
    /** Taken over by a {@link Reconciler} from an instance that died while answering it. */
    static final String RECOVERING = "RECOVERING";

    sealed interface Claim {
        /** This call answers the message; it must then record how ({@link #answered}, …) or {@link #release}. */
        record Won() implements Claim {
        }

        /** A retry of a call already answered passively: send the same reply again. */
        record Answered(String passiveReply) implements Claim {
        }

        /** A retry of a call still being answered, or answered some other way: answer nothing. */
        record Taken() implements Claim {
        }
    }

    private final JdbcClient jdbc;
    private final Optional<StatefulRedisConnection<String, String>> redis;
    private final String keyPrefix;
    private final Duration ttl;

    MessageClaims(JdbcClient jdbc, Optional<StatefulRedisConnection<String, String>> redis, String keyPrefix, Duration ttl) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.ttl = ttl;
    }

    /**
     * A claim an instance left {@link #ANSWERING} for longer than any turn takes: it died.
     *
     * @param message the decrypted message as WeChat sent it; empty for claims made before it was kept
     */
    record Stranded(long id, String account, String retryKey, Optional<String> message, Instant receivedAt) {
        @Override
        public String toString() {
            // the message holds the citizen's words and openid: not for logs
            return "Stranded[id=" + id + ", account=" + account + ", receivedAt=" + receivedAt + "]";
        }
    }

    /**
     * Claims the call for this instance.
     *
     * @param message the decrypted message XML, kept while the claim is answered, so that another
     *                instance can answer it should this one die meanwhile
     */
    Claim claim(Inbound inbound, String message, Instant now) {
        String account = inbound.citizen().account();
        String key = inbound.retryKey();
        if (!claimInRedis(account, key)) {
            return existing(account, key);
        }
        try {
            jdbc.sql("""
                            insert into wechat_inbound (account, retry_key, citizen_id, kind, status, message_xml, received_at, updated_at)
                            values (:account, :key, :citizen, :kind, :status, :message, :now, :now)""")
                    .param("account", account)
                    .param("key", key)
                    .param("citizen", inbound.citizen().citizenId())
                    .param("kind", inbound.kind())
                    .param("status", ANSWERING)
                    .param("message", message)
                    .param("now", Utc.of(now))
                    .update();
            return new Claim.Won();
        } catch (DuplicateKeyException duplicate) {
            // Redis forgot (restart, TTL) what the database remembers.
            return existing(account, key);
        }
    }

    /** Answered in the webhook's response; a retry gets {@code passiveReply} again. */
    void answered(String account, String retryKey, String passiveReply, Instant now) {
        finish(account, retryKey, ANSWERED, passiveReply, now);
    }

    /** Answered by a customer-service message, or with nothing: a retry gets nothing. */
    void answeredLater(String account, String retryKey, Instant now) {
        finish(account, retryKey, ANSWERED_LATER, null, now);
    }

    /** The turn failed before any answer: let a retry try again. */
    void release(String account, String retryKey) {
        jdbc.sql("delete from wechat_inbound where account = :account and retry_key = :key and status = :status")
                .param("account", account)
                .param("key", retryKey)
                .param("status", ANSWERING)
                .update();
        redis.ifPresent(connection -> {
            try {
                connection.sync().del(redisKey(account, retryKey));
            } catch (RuntimeException e) {
                log.warn("Could not release the Redis claim of a WeChat message on {}: {}", account, e.toString());
            }
        });
    }

    /** Claims left {@link #ANSWERING} since before {@code staleBefore}, oldest first. */
    List<Stranded> stranded(Instant staleBefore, int limit) {
        return jdbc.sql("""
                        select id, account, retry_key, message_xml, received_at from wechat_inbound
                         where status = :status and updated_at < :staleBefore order by id limit :limit""")
                .param("status", ANSWERING)
                .param("staleBefore", Utc.of(staleBefore))
                .param("limit", limit)
                .query((rs, n) -> new Stranded(rs.getLong("id"), rs.getString("account"), rs.getString("retry_key"),
                        Optional.ofNullable(rs.getString("message_xml")),
                        Utc.instant(rs.getObject("received_at", LocalDateTime.class))))
                .list();
    }

    /**
     * Takes a stranded claim over, compare-and-set on its status: of several instances trying at
     * once, exactly one gets true. A claim taken over is never taken over again, even when its new
     * owner dies too: a message is answered at most once more, never twice.
     */
    boolean takeOver(Stranded claim, Instant staleBefore, Instant now) {
        return jdbc.sql("""
                        update wechat_inbound set status = :recovering, updated_at = :now
                         where id = :id and status = :answering and updated_at < :staleBefore""")
                .param("recovering", RECOVERING)
                .param("now", Utc.of(now))
                .param("id", claim.id())
                .param("answering", ANSWERING)
                .param("staleBefore", Utc.of(staleBefore))
                .update() == 1;
    }

    private void finish(String account, String retryKey, String status, String passiveReply, Instant now) {
        // the message was kept only for an instance to answer it after this one died: no longer needed
        jdbc.sql("""
                        update wechat_inbound set status = :status, passive_reply = :reply, message_xml = null, updated_at = :now
                         where account = :account and retry_key = :key""")
                .param("status", status)
                .param("reply", passiveReply)
                .param("now", Utc.of(now))
                .param("account", account)
                .param("key", retryKey)
                .update();
    }

    /** True when Redis let this call have the key, or when there is no Redis to ask. */
    private boolean claimInRedis(String account, String retryKey) {
        if (redis.isEmpty()) {
            return true;
        }
        try {
            String result = redis.get().sync().set(redisKey(account, retryKey), "1", SetArgs.Builder.nx().px(ttl.toMillis()));
            return "OK".equals(result);
        } catch (RuntimeException e) {
            // The database's unique key still guarantees one answer; Redis only spares it work.
            log.warn("Redis did not answer a WeChat claim on {}; the database decides alone: {}", account, e.toString());
            return true;
        }
    }

    private Claim existing(String account, String retryKey) {
        List<Row> rows = jdbc.sql("select status, passive_reply from wechat_inbound where account = :account and retry_key = :key")
                .param("account", account)
                .param("key", retryKey)
                .query((rs, n) -> new Row(rs.getString("status"), rs.getString("passive_reply")))
                .list();
        if (!rows.isEmpty() && ANSWERED.equals(rows.get(0).status()) && rows.get(0).passiveReply() != null) {
            return new Claim.Answered(rows.get(0).passiveReply());
        }
        return new Claim.Taken();
    }

    private String redisKey(String account, String retryKey) {
        return keyPrefix + "claim:" + account + ":" + retryKey;
    }

    private record Row(String status, String passiveReply) {
    }
}
