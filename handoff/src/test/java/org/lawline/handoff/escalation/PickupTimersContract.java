package org.lawline.handoff.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PickupTimers} promises, run against each implementation: nothing before its
 * time, everything due once and only once, even with several takers at the same instant.
 */
abstract class PickupTimersContract {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    /** Two views of the same timers, as two instances see them. */
    abstract PickupTimers timers();

    abstract PickupTimers sameTimersFromAnotherInstance();

    @Test
    void aTimerIsNotTakenBeforeItIsDue() {
        timers().schedule(1, T0.plusSeconds(180));
        assertThat(timers().takeDue(T0.plusMillis(179_999), 10)).isEmpty();
        assertThat(timers().takeDue(T0.plusSeconds(180), 10)).containsExactly(1L);
    }

    @Test
    void aTimerDueWithinAMillisecondIsNotTakenInThatMillisecondBeforeItsDueTime() {
        // escalations are due to the microsecond (the clock's precision); a timer taken in the
        // same millisecond but before that instant would time the escalation out early
        Instant due = T0.plusMillis(180_000).plusNanos(700_000);
        timers().schedule(9, due);
        assertThat(timers().takeDue(T0.plusMillis(180_000).plusNanos(300_000), 10)).isEmpty();
        assertThat(timers().takeDue(T0.plusMillis(180_001), 10)).containsExactly(9L);
    }

    @Test
    void aTakenTimerIsNeverGivenOutAgain() {
        timers().schedule(2, T0);
        assertThat(timers().takeDue(T0.plusSeconds(1), 10)).containsExactly(2L);
        assertThat(timers().takeDue(T0.plusSeconds(2), 10)).isEmpty();
        assertThat(sameTimersFromAnotherInstance().takeDue(T0.plusSeconds(2), 10)).isEmpty();
    }

    @Test
    void aCancelledTimerNeverFires() {
        timers().schedule(3, T0);
        sameTimersFromAnotherInstance().cancel(3);
        assertThat(timers().takeDue(T0.plusSeconds(1), 10)).isEmpty();
    }

    @Test
    void reArmingATimerMovesItInsteadOfDoublingIt() {
        timers().schedule(4, T0);
        timers().schedule(4, T0.plusSeconds(60));
        assertThat(timers().takeDue(T0.plusSeconds(1), 10)).isEmpty();
        assertThat(timers().takeDue(T0.plusSeconds(60), 10)).containsExactly(4L);
    }

    @Test
    void dueTimersComeEarliestFirstAndAtMostTheBatch() {
        timers().schedule(5, T0.plusSeconds(3));
        timers().schedule(6, T0.plusSeconds(1));
        timers().schedule(7, T0.plusSeconds(2));
        assertThat(timers().takeDue(T0.plusSeconds(5), 2)).containsExactly(6L, 7L);
        assertThat(timers().takeDue(T0.plusSeconds(5), 2)).containsExactly(5L);
    }

    @Test
    void twoInstancesTakingAtOnceShareTheDueTimersWithoutOverlap() throws Exception {
        LongStream.rangeClosed(100, 1_099).forEach(id -> timers().schedule(id, T0.plusMillis(id)));
        List<Long> taken = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<PickupTimers> instances = List.of(timers(), sameTimersFromAnotherInstance(), timers(), sameTimersFromAnotherInstance());
        for (PickupTimers instance : instances) {
            pool.submit(() -> {
                start.await();
                for (int poll = 0; poll < 50; poll++) {
                    taken.addAll(instance.takeDue(T0.plusSeconds(5), 25));
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(taken).hasSize(1_000).doesNotHaveDuplicates();
    }
}
