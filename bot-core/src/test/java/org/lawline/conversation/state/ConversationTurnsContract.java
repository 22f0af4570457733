package org.lawline.conversation.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationSnapshot;
import org.lawline.conversation.DialogState;

/** What every {@link ConversationTurns} promises, whichever store is underneath. */
abstract class ConversationTurnsContract {

    abstract ConversationTurns newTurns();

    private ConversationTurns turns;
    private ChannelIdentity citizen;

    @BeforeEach
    void setUpTurns() {
        turns = newTurns();
        citizen = new ChannelIdentity(Channel.WECHAT, "gh_lawline", "o" + UUID.randomUUID());
    }

    @Test
    void aNewConversationsTurnFindsNothingSaved() {
        try (ConversationTurns.Held held = turns.take(citizen)) {
            assertThat(held.saved()).isEmpty();
        }
    }

    @Test
    void whatATurnSavesTheNextTurnReads() {
        ConversationSnapshot queued = snapshot(DialogState.QUEUED);
        try (ConversationTurns.Held held = turns.take(citizen)) {
            assertThat(held.saveAndRelease(queued)).isTrue();
        }

        try (ConversationTurns.Held held = turns.take(citizen)) {
            assertThat(held.saved()).contains(queued);
        }
    }

    @Test
    void aTurnClosedWithoutSavingLeavesTheStateAsItWas_andFreesTheConversation() {
        ConversationSnapshot queued = snapshot(DialogState.QUEUED);
        try (ConversationTurns.Held held = turns.take(citizen)) {
            held.saveAndRelease(queued);
        }
        try (ConversationTurns.Held held = turns.take(citizen)) {
            held.close();
            held.close();
        }

        try (ConversationTurns.Held held = turns.take(citizen)) {
            assertThat(held.saved()).contains(queued);
        }
    }

    private static ConversationSnapshot snapshot(DialogState state) {
        return new ConversationSnapshot(state, List.of(), 0, Instant.parse("2025-03-01T08:00:00Z"));
    }
}
