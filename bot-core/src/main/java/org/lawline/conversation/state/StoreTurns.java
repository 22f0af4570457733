package org.lawline.conversation.state;

import java.util.Objects;
import java.util.Optional;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationSnapshot;
import org.lawline.conversation.ConversationStore;

/**
 * Turns over any {@link ConversationStore}, for a store that only this process uses (the
 * in-process default): the engine's own lock already makes the conversation's messages take turns
 * within the process, so a turn is a plain load and save.
 */
public final class StoreTurns implements ConversationTurns {

    private final ConversationStore store;

    public StoreTurns(ConversationStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Held take(ChannelIdentity citizen) {
        Optional<ConversationSnapshot> saved = store.load(citizen);
        return new Held() {
            @Override
            public Optional<ConversationSnapshot> saved() {
                return saved;
            }

            @Override
            public boolean saveAndRelease(ConversationSnapshot snapshot) {
                store.save(citizen, snapshot);
                return true;
            }

            @Override
            public void close() {
            }
        };
    }
}
