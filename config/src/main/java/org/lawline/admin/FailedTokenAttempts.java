package org.lawline.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong admin tokens per client address, in one-minute windows, in this process. Past the
 * allowance an address is refused without its token being compared, until the window ends: a
 * guesser gets a handful of tries a minute. Thread-safe; old windows are dropped as the map grows.
 */
final class FailedTokenAttempts {

    private static final long WINDOW_MILLIS = Duration.ofMinutes(1).toMillis();
    private static final int SWEEP_ABOVE = 10_000;

    private record Count(long window, int failures) {
    }

    private final Map<String, Count> counts = new ConcurrentHashMap<>();
    private final int allowance;
    private final Clock clock;

    FailedTokenAttempts(int allowance, Clock clock) {
        this.allowance = allowance;
        this.clock = clock;
    }

    /** Seconds to wait when this address has used its allowance this minute; 0 when it may try. */
    long blockedFor(String address) {
        Count count = counts.get(address);
        long window = clock.millis() / WINDOW_MILLIS;
        if (count == null || count.window() != window || count.failures() < allowance) {
            return 0;
        }
        return Math.max(1, (WINDOW_MILLIS - clock.millis() % WINDOW_MILLIS + 999) / 1000);
    }

    void failed(String address) {
        long window = clock.millis() / WINDOW_MILLIS;
        if (counts.size() > SWEEP_ABOVE) {
            counts.values().removeIf(c -> c.window() != window);
        }
        counts.merge(address, new Count(window, 1),
                (old, one) -> old.window() == window ? new Count(window, old.failures() + 1) : one);
    }
}
