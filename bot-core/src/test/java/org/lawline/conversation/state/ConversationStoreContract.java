package org.lawline.conversation.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.ConversationSnapshot;
import org.lawline.conversation.ConversationStore;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.Reply;

/**
 * What every {@link ConversationStore} promises, run against each implementation: the in-process
 * default and Redis behave alike.
 */
abstract class ConversationStoreContract {

    /** A fresh, empty store (or one whose keys this test run cannot collide with). */
    abstract ConversationStore newStore();

    private ConversationStore store;
    private ChannelIdentity citizen;

    @BeforeEach
    void setUpStore() {
        store = newStore();
        // a fresh identity per test, so stores shared between tests still start empty for it
        citizen = new ChannelIdentity(Channel.WECHAT, "gh_lawline", "o" + UUID.randomUUID());
    }

    @Test
    void anUnknownConversationIsAbsent() {
        assertThat(store.load(citizen)).isEmpty();
    }

    @Test
    void aSavedConversationReadsBackWithEveryField() {
        ConversationSnapshot saved = new ConversationSnapshot(DialogState.CLARIFYING,
                List.of(new Reply.Choice(1, "labour-wage-arrears", "公司拖欠工资怎么办？", 8.25),
                        new Reply.Choice(2, "labour-severance", "被辞退能拿到经济补偿吗？“引号”\n换行", 7.5)),
                1, Instant.parse("2025-03-01T08:00:00.123456789Z"));

        store.save(citizen, saved);

        assertThat(store.load(citizen)).contains(saved);
    }

    @Test
    void aConversationWithALawyerAndSlotsReadsBackWithEveryField() {
        ConversationSnapshot saved = new ConversationSnapshot(ConversationId.next(), DialogState.WITH_LAWYER, List.of(), 0,
                Instant.parse("2025-03-01T08:05:00Z"), Instant.parse("2025-03-01T08:01:30Z"), Optional.of("lawyer-42"),
                Map.of("callback.phone", "13800138000", "aid.income", "1800", "aid.residence", "LOCAL"));

        store.save(citizen, saved);

        assertThat(store.load(citizen)).contains(saved);
    }

    @Test
    void everyStateRoundTrips() {
        for (DialogState state : DialogState.values()) {
            ConversationSnapshot saved = new ConversationSnapshot(state, List.of(), 3, Instant.parse("2025-03-01T08:00:00Z"));
            store.save(citizen, saved);
            assertThat(store.load(citizen)).contains(saved);
        }
    }

    @Test
    void aSaveReplacesThePreviousState() {
        store.save(citizen, snapshot(DialogState.CLARIFYING));
        store.save(citizen, snapshot(DialogState.QUEUED));

        assertThat(store.load(citizen)).get().extracting(ConversationSnapshot::state).isEqualTo(DialogState.QUEUED);
    }

    @Test
    void aDeletedConversationIsAbsent() {
        store.save(citizen, snapshot(DialogState.QUEUED));

        store.delete(citizen);

        assertThat(store.load(citizen)).isEmpty();
    }

    @Test
    void deletingAnUnknownConversationDoesNothing() {
        store.delete(citizen);

        assertThat(store.load(citizen)).isEmpty();
    }

    @Test
    void conversationsAreKeptApartByChannelAndAccount() {
        ChannelIdentity sameIdElsewhere = new ChannelIdentity(Channel.SMS, "gh_lawline", citizen.citizenId());
        ChannelIdentity sameIdOtherAccount = new ChannelIdentity(Channel.WECHAT, "gh_other", citizen.citizenId());
        store.save(citizen, snapshot(DialogState.QUEUED));

        assertThat(store.load(sameIdElsewhere)).isEmpty();
        assertThat(store.load(sameIdOtherAccount)).isEmpty();
        store.delete(sameIdElsewhere);
        assertThat(store.load(citizen)).isPresent();
    }

    @Test
    void identitiesWithSeparatorsInThemDoNotBreakTheStore() {
        ChannelIdentity odd = new ChannelIdentity(Channel.WEB, "a:b", "c:d 中文*?[]");
        store.save(odd, snapshot(DialogState.BOT));

        assertThat(store.load(odd)).isPresent();
        store.delete(odd);
        assertThat(store.load(odd)).isEmpty();
    }

    private static ConversationSnapshot snapshot(DialogState state) {
        return new ConversationSnapshot(state, List.of(), 0, Instant.parse("2025-03-01T08:00:00Z"));
    }
}
