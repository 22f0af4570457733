package org.lawline.handoff;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of handoff, {@code lawline.handoff.*}.
 *
 * @param pickupTimeout    how long a chat waits for a duty lawyer before the 12348 callback takes
 *                         over ({@code LAWLINE_PICKUP_TIMEOUT}, ISO-8601)
 * @param pollInterval     how often each instance takes due pickup timers: a timer fires at most
 *                         about this much late
 * @param reconcileEvery   how often overdue escalations are re-derived from the database (timers a
 *                         dead instance took, or that Redis lost)
 * @param hotlineHours     when 12348 operators call back, e.g. {@code 09:00-18:00} or
 *                         {@code MON-FRI 09:00-18:00} ({@code LAWLINE_HOTLINE_HOURS})
 * @param zone             the city's time zone, for hotline hours and the duty roster
 * @param callbackWithin   how soon a callback is due in hotline hours
 * @param callbackAttempts unreachable tries before the citizen is told by message
 * @param retryUnreachable how long after an unreachable try the callback is due again
 * @param timersKey        the Redis sorted set of pickup timers; deployments sharing one Redis
 *                         need keys of their own, since escalation ids repeat across databases
 */
@ConfigurationProperties("lawline.handoff")
public record HandoffSettings(@DefaultValue("PT3M") Duration pickupTimeout,
                              @DefaultValue("200ms") Duration pollInterval,
                              @DefaultValue("1m") Duration reconcileEvery,
                              @DefaultValue("09:00-18:00") String hotlineHours,
                              @DefaultValue("Asia/Shanghai") ZoneId zone,
                              @DefaultValue("30m") Duration callbackWithin,
                              @DefaultValue("3") int callbackAttempts,
                              @DefaultValue("1h") Duration retryUnreachable,
                              @DefaultValue("lawline:handoff:pickup-timers") String timersKey) {

    public HandoffSettings {
        if (pickupTimeout.isNegative() || pickupTimeout.isZero()) {
            throw new IllegalArgumentException("lawline.handoff.pickup-timeout (LAWLINE_PICKUP_TIMEOUT) must be positive: " + pickupTimeout);
        }
        if (pollInterval.isNegative() || pollInterval.isZero() || reconcileEvery.isNegative() || reconcileEvery.isZero()) {
            throw new IllegalArgumentException("lawline.handoff.poll-interval and reconcile-every must be positive");
        }
        if (callbackAttempts < 1) {
            throw new IllegalArgumentException("lawline.handoff.callback-attempts must be at least 1");
        }
    }
}
