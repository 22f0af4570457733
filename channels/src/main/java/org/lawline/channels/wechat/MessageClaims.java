package org.lawline.channels.wechat;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
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

    Claim claim(Inbound inbound, Instant now) {
        String account = inbound.citizen().account();
        String key = inbound.retryKey();
        if (!claimInRedis(account, key)) {
            return existing(account, key);
        }
        try {
            jdbc.sql("""
                            insert into wechat_inbound (account, retry_key, citizen_id, kind, status, received_at, updated_at)
                            values (:account, :key, :citizen, :kind, :status, :now, :now)""")
                    .param("account", account)
                    .param("key", key)
                    .param("citizen", inbound.citizen().citizenId())
                    .param("kind", inbound.kind())
                    .param("status", ANSWERING)
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

    private void finish(String account, String retryKey, String status, String passiveReply, Instant now) {
        jdbc.sql("""
                        update wechat_inbound set status = :status, passive_reply = :reply, updated_at = :now
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
