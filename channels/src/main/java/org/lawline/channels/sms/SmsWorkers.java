package org.lawline.channels.sms;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The SMS channel's threads: they answer pushed messages, apply receipts and call the gateway, so
 * that a push is answered within the platform's 700 ms whatever the engine and the gateway take.
 * Bounded: what does not fit is left claimed for the reconciler, never queued without limit.
 * A holder, not an {@code Executor} bean, which would replace Boot's task executor for everyone.
 */
final class SmsWorkers implements AutoCloseable {

    /** Room for a few full pushes per thread before the reconciler has to step in. */
    private static final int QUEUE_PER_THREAD = 500;

    private final ThreadPoolExecutor executor;

    SmsWorkers(int size) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("sms-");
        threads.setDaemon(true);
        this.executor = new ThreadPoolExecutor(size, size, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(size * QUEUE_PER_THREAD), threads);
    }

    ExecutorService executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
