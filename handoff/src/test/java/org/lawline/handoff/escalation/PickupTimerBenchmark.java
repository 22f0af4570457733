package org.lawline.handoff.escalation;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Not a test: 1,000 pickup timers due over 60 s, taken from the real Redis by two pollers (two
 * connections, as two instances would) at the production poll interval. Prints lateness
 * p50 / p99 / max, early firings and double firings beside the poll interval; docs/benchmarks.md
 * keeps the figures.
 *
 * <pre>./mvnw -q -o -pl handoff test-compile && java -cp "handoff/target/test-classes:handoff/target/classes:$(cat cp.txt)" \
 *     org.lawline.handoff.escalation.PickupTimerBenchmark [redis-url] [timers] [seconds] [poll-ms]</pre>
 */
public final class PickupTimerBenchmark {

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "redis://127.0.0.1:6379";
        int timers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Duration spread = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 60);
        Duration poll = Duration.ofMillis(args.length > 3 ? Long.parseLong(args[3]) : 200);
        String key = "bench:pickup-timers:" + UUID.randomUUID();

        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> one = client.connect(); StatefulRedisConnection<String, String> two = client.connect()) {
            List<PickupTimers> instances = List.of(new RedisPickupTimers(one, key), new RedisPickupTimers(two, key));
            Instant start = Instant.now().plusSeconds(1);
            Map<Long, Instant> due = new ConcurrentHashMap<>();
            for (long id = 1; id <= timers; id++) {
                Instant at = start.plusMillis(spread.toMillis() * (id - 1) / timers);
                due.put(id, at);
                instances.get((int) (id % 2)).schedule(id, at);
            }
            Map<Long, AtomicInteger> fired = new ConcurrentHashMap<>();
            List<Long> latenessMs = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger early = new AtomicInteger();
            ScheduledExecutorService pollers = Executors.newScheduledThreadPool(2);
            for (PickupTimers instance : instances) {
                pollers.scheduleWithFixedDelay(() -> {
                    Instant now = Instant.now();
                    for (Long id : instance.takeDue(now, 100)) {
                        Instant firedAt = Instant.now();
                        if (firedAt.isBefore(due.get(id))) {
                            early.incrementAndGet();
                        }
                        fired.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                        latenessMs.add(Duration.between(due.get(id), firedAt).toMillis());
                    }
                }, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
            }
            Thread.sleep(spread.plusSeconds(3).toMillis());
            pollers.shutdownNow();
            one.sync().del(key);

            List<Long> sorted = new ArrayList<>(latenessMs);
            Collections.sort(sorted);
            long doubles = fired.values().stream().filter(n -> n.get() > 1).count();
            System.out.printf("timers %d over %d s, 2 instances, poll every %d ms%n", timers, spread.toSeconds(), poll.toMillis());
            System.out.printf("fired %d, missing %d, early %d, double %d%n", fired.size(), timers - fired.size(), early.get(), doubles);
            if (!sorted.isEmpty()) {
                System.out.printf("lateness ms: p50 %d, p99 %d, max %d%n", sorted.get(sorted.size() / 2),
                        sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)), sorted.get(sorted.size() - 1));
            }
        } finally {
            client.shutdown();
        }
    }
}
