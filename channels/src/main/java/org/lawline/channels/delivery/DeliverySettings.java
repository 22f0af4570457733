package org.lawline.channels.delivery;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shared delivery's settings.
 *
 * @param keyPrefix      prefix of the claims' Redis keys
 * @param claimTtl       how long Redis remembers a claimed message; longer than any channel's
 *                       retry horizon (WeChat retries within about 15 s), and the database keeps
 *                       the claim for good behind it
 * @param lease          a claim left answering or a part left sending this long was left by an
 *                       instance that died (or had no worker free): another instance takes it
 *                       over, once. Far longer than any live turn or send takes, or those would
 *                       be taken over while still in hand
 * @param reconcileEvery how often each instance looks for such work
 * @param databaseWait   longest a claim waits for the database before Redis holds it alone: well
 *                       inside the 3 s a citizen is promised an answer in, beside the turn itself
 * @param databasePause  after the database failed a claim, how long claims go to Redis alone
 *                       without asking it (one wait per pause, not one per message)
 */
@ConfigurationProperties("lawline.delivery")
public record DeliverySettings(
        @DefaultValue(DeliverySettings.DEFAULT_KEY_PREFIX) String keyPrefix,
        @DefaultValue("10m") Duration claimTtl,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("30s") Duration reconcileEvery,
        @DefaultValue("1s") Duration databaseWait,
        @DefaultValue("5s") Duration databasePause) {

    public static final String DEFAULT_KEY_PREFIX = "lawline:delivery:";

    @ConstructorBinding
    public DeliverySettings {
        Objects.requireNonNull(keyPrefix, "lawline.delivery.key-prefix");
        Objects.requireNonNull(claimTtl, "lawline.delivery.claim-ttl");
        Objects.requireNonNull(lease, "lawline.delivery.lease");
        Objects.requireNonNull(reconcileEvery, "lawline.delivery.reconcile-every");
        if (keyPrefix.isBlank()) {
            throw new IllegalArgumentException("lawline.delivery.key-prefix must not be blank");
        }
        if (claimTtl.compareTo(Duration.ofSeconds(60)) < 0) {
            throw new IllegalArgumentException("lawline.delivery.claim-ttl must be at least 60s (WeChat's retry horizon), got " + claimTtl);
        }
        if (lease.compareTo(Duration.ofSeconds(30)) < 0) {
            throw new IllegalArgumentException("lawline.delivery.lease must be at least 30s (longer than any turn), got " + lease);
        }
        Objects.requireNonNull(databaseWait, "lawline.delivery.database-wait");
        Objects.requireNonNull(databasePause, "lawline.delivery.database-pause");
        if (databaseWait.toMillis() < 100 || databaseWait.compareTo(Duration.ofSeconds(3)) > 0) {
            throw new IllegalArgumentException("lawline.delivery.database-wait must be between 100ms and 3s, got " + databaseWait);
        }
        if (databasePause.isNegative()) {
            throw new IllegalArgumentException("lawline.delivery.database-pause must not be negative, got " + databasePause);
        }
        if (reconcileEvery.isNegative() || reconcileEvery.isZero()) {
            throw new IllegalArgumentException("lawline.delivery.reconcile-every must be positive, got " + reconcileEvery);
        }
    }

    /** The database waits at their defaults. */
    public DeliverySettings(String keyPrefix, Duration claimTtl, Duration lease, Duration reconcileEvery) {
        this(keyPrefix, claimTtl, lease, reconcileEvery, Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    public static DeliverySettings defaults() {
        return new DeliverySettings(DEFAULT_KEY_PREFIX, Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofSeconds(30));
    }
}
