package org.lawline.channels.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;

class BoundedDatabaseTest {

    private final CountDownLatch frozen = new CountDownLatch(1);
    private final AtomicInteger asked = new AtomicInteger();

    @AfterEach
    void thaw() {
        frozen.countDown();
    }

    @Test
    void aCallTheDatabaseDoesNotAnswerFailsAfterTheWait_andTheNextOnesFailWithoutAskingItDuringThePause() {
        BoundedDatabase database = new BoundedDatabase(Duration.ofMillis(100), Duration.ofMinutes(1));

        assertThatThrownBy(() -> database.call(this::hang)).isInstanceOf(DatabaseUnavailable.class).hasMessageContaining("100 ms");
        assertThatThrownBy(() -> database.call(this::answer)).isInstanceOf(DatabaseUnavailable.class);

        assertThat(asked).as("the database is not asked again during the pause").hasValue(0);
        assertThat(database.down()).isTrue();
    }

    @Test
    void afterThePauseTheDatabaseIsAskedAgain() {
        BoundedDatabase database = new BoundedDatabase(Duration.ofMillis(100), Duration.ZERO);
        assertThatThrownBy(() -> database.call(this::hang)).isInstanceOf(DatabaseUnavailable.class);

        assertThat(database.call(this::answer)).isEqualTo("answered");
        assertThat(database.down()).isFalse();
    }

    @Test
    void aConnectionFailureCountsAsTheDatabaseBeingDown() {
        BoundedDatabase database = new BoundedDatabase(Duration.ofSeconds(1), Duration.ofMinutes(1));

        assertThatThrownBy(() -> database.call(() -> {
            throw new DataAccessResourceFailureException("Connection refused");
        })).isInstanceOf(DatabaseUnavailable.class);
        assertThat(database.down()).isTrue();
    }

    @Test
    void anyOtherFailureReachesTheCallerAsThrown_andLeavesTheDatabaseUp() {
        BoundedDatabase database = new BoundedDatabase(Duration.ofSeconds(1), Duration.ofMinutes(1));

        assertThatThrownBy(() -> database.call(() -> {
            throw new DuplicateKeyException("inbound_claim_key");
        })).isInstanceOf(DuplicateKeyException.class);
        assertThat(database.down()).isFalse();
        assertThat(database.call(this::answer)).isEqualTo("answered");
    }

    private String hang() {
        try {
            frozen.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "late";
    }

    private String answer() {
        asked.incrementAndGet();
        return "answered";
    }
}
