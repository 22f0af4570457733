package org.lawline.conversation.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationSnapshot;
import org.lawline.conversation.ConversationStore;
import org.lawline.conversation.DialogState;

class InMemoryConversationStoreTest extends ConversationStoreContract {

    private final TestClock clock = new TestClock();

    @Override
    ConversationStore newStore() {
        return new InMemoryConversationStore(Clock.systemUTC(), Duration.ofHours(24), 1000);
    }

    @Test
    void aConversationExpiresTtlAfterItsLastSave() {
        InMemoryConversationStore store = new InMemoryConversationStore(clock, Duration.ofHours(24), 10);
        ChannelIdentity citizen = citizen(1);
        store.save(citizen, snapshot());
        clock.advance(Duration.ofHours(23));
        store.save(citizen, snapshot());
        clock.advance(Duration.ofHours(23));

        assertThat(store.load(citizen)).as("the second save restarted the clock").isPresent();

        clock.advance(Duration.ofHours(1));
        assertThat(store.load(citizen)).isEmpty();
    }

    @Test
    void whenFullTheLeastRecentlySavedGoFirst() {
        InMemoryConversationStore store = new InMemoryConversationStore(clock, Duration.ofHours(24), 10);
        for (int i = 0; i < 10; i++) {
            store.save(citizen(i), snapshot());
            clock.advance(Duration.ofSeconds(1));
        }
        store.save(citizen(0), snapshot());   // 0 is now the most recent
        clock.advance(Duration.ofSeconds(1));

        store.save(citizen(10), snapshot());

        assertThat(store.size()).isLessThanOrEqualTo(10);
        assertThat(store.load(citizen(1))).isEmpty();
        assertThat(store.load(citizen(0))).isPresent();
        assertThat(store.load(citizen(10))).isPresent();
    }

    private static ChannelIdentity citizen(int n) {
        return new ChannelIdentity(Channel.WEB, "default", "citizen-" + n);
    }

    private ConversationSnapshot snapshot() {
        return new ConversationSnapshot(DialogState.BOT, List.of(), 0, clock.instant());
    }

    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2025-03-01T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
