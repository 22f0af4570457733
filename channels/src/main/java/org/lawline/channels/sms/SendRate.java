package org.lawline.channels.sms;

import java.time.Duration;

/**
 * Paces the calls of this instance to a gateway: at most {@code perSecond} a second, evenly
 * spaced, so that a burst (a lawyer answering ten chats at once) stays under the gateway's QPS
 * limit instead of being refused. A caller waits for its slot on its own thread (a worker, never
 * a push). Thread safe.
 */
final class SendRate {

    private final long spacingNanos;
    private long nextSlot;

    SendRate(int perSecond) {
        this.spacingNanos = Duration.ofSeconds(1).toNanos() / perSecond;
        this.nextSlot = System.nanoTime();
    }

    /** Waits for this caller's slot. */
    void acquire() throws InterruptedException {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, nextSlot);
            nextSlot = slot + spacingNanos;
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
