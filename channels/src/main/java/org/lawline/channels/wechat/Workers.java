package org.lawline.channels.wechat;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The channel's own threads: they answer messages while webhook calls wait on them, and send
 * customer-service messages. Bounded: when every worker is busy and the queue is full, a message
 * is answered "busy" at once rather than piling up behind WeChat's deadline.
 *
 * <p>A holder rather than an {@code Executor} bean, on purpose: an Executor bean would replace
 * Spring Boot's application task executor for everyone else.
 */
final class Workers implements AutoCloseable {

    private final ThreadPoolExecutor executor;

    Workers(int threads) {
        AtomicInteger number = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 20),
                task -> {
                    Thread thread = new Thread(task, "wechat-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    ExecutorService executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
