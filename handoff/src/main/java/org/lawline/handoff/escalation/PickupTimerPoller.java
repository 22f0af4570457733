package org.lawline.handoff.escalation;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Each instance takes due pickup timers every {@code pollInterval} and fires them, so a timer
 * fires at most about one interval late; and re-derives overdue escalations from the database at
 * start and every {@code reconcileEvery} ({@link PickupReconciler}). Starts and stops with the
 * application context, in the default phase: before the event journal stops, so that the message
 * a timeout sends in its last moments is still handed over; a timeout in hand is finished, not
 * interrupted (half a timeout is what the reconciler would have to mend).
 */
final class PickupTimerPoller implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PickupTimerPoller.class);
    /** Timers taken per poll: a burst beyond this is taken by the next poll, a moment later. */
    private static final int BATCH = 100;

    private final PickupTimers timers;
    private final PickupTimeouts timeouts;
    private final PickupReconciler reconciler;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration reconcileEvery;
    private volatile boolean running;
    /** Made at each start: a context may be stopped and started again (a paused test context is). */
    private ScheduledExecutorService executor;

    PickupTimerPoller(PickupTimers timers, PickupTimeouts timeouts, PickupReconciler reconciler, Clock clock,
                      Duration pollInterval, Duration reconcileEvery) {
        this.timers = timers;
        this.timeouts = timeouts;
        this.reconciler = reconciler;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.reconcileEvery = reconcileEvery;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pickup-timers");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::reconcile, 0, reconcileEvery.toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::poll, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void poll() {
        try {
            for (Long id : timers.takeDue(clock.instant(), BATCH)) {
                fire(id);
            }
        } catch (RuntimeException e) {
            // Redis away: the escalations still wait in the database; the reconciler finds them
            log.warn("Pickup timers not polled: {}", e.toString());
        }
    }

    private void fire(long id) {
        try {
            timeouts.fire(id);
        } catch (RuntimeException e) {
            log.warn("Pickup timer of escalation {} failed; the reconciler retries it: {}", id, e.toString());
        }
    }

    private void reconcile() {
        try {
            reconciler.reconcile();
        } catch (RuntimeException e) {
            log.warn("Pickup reconciliation failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
