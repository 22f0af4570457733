package org.lawline.knowledge;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Keeps this instance's index in step with the stored entries: seeds and builds it once every
 * singleton exists (so after database migrations, before the web server takes requests and
 * before command-line runners), then refreshes it on a schedule, so entries imported or edited
 * through another instance or the command line become searchable here too.
 */
final class IndexUpkeep implements SmartInitializingSingleton, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IndexUpkeep.class);

    private final KnowledgeBase knowledgeBase;
    private final boolean seedBundledEntries;
    private final Duration refreshInterval;
    private ScheduledExecutorService schedule;

    IndexUpkeep(KnowledgeBase knowledgeBase, boolean seedBundledEntries, Duration refreshInterval) {
        this.knowledgeBase = knowledgeBase;
        this.seedBundledEntries = seedBundledEntries;
        this.refreshInterval = refreshInterval;
    }

    @Override
    public synchronized void afterSingletonsInstantiated() {
        if (seedBundledEntries) {
            knowledgeBase.seedBundledEntries();
        }
        knowledgeBase.rebuildIndex();
        if (!refreshInterval.isZero() && !refreshInterval.isNegative()) {
            schedule = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "knowledge-index-refresh");
                thread.setDaemon(true); // a one-shot command must exit without waiting for it
                return thread;
            });
            long millis = refreshInterval.toMillis();
            schedule.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    private void refresh() {
        try {
            knowledgeBase.refreshIndex();
        } catch (RuntimeException e) {
            // the schedule stops for good if a run throws: a database hiccup must not end refreshing
            log.warn("Refreshing the knowledge index failed; the index stays as it was until the next try", e);
        }
    }

    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
