package org.lawline.channels.weibo;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The channel's bounded pool: it answers pushes while their calls wait, and calls reply.json.
 * When it is full a push is refused with 503 at once, and Weibo pushes it again, rather than
 * queueing past the five seconds. Held, not exposed as an Executor bean, which would take the
 * place of Boot's application task executor.
 */
final class WeiboWorkers implements AutoCloseable {

    private static final int QUEUED_PER_THREAD = 20;

    private final ThreadPoolExecutor pool;

    WeiboWorkers(int threads) {
        CustomizableThreadFactory factory = new CustomizableThreadFactory("weibo-");
        factory.setDaemon(true);
        pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(threads * QUEUED_PER_THREAD), factory);
    }

    ThreadPoolExecutor pool() {
        return pool;
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
