package org.lawline.conversation.state;

import java.util.Optional;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationSnapshot;

/**
 * Turn-taking on a conversation's saved state: whoever {@linkplain #take takes} a conversation is
 * the only one, in this process or any other sharing the store, to read and save it until the turn
 * is {@linkplain Held#saveAndRelease saved} or {@linkplain Held#close closed}. This is what keeps
 * two messages of one citizen, handled by two instances at once, from losing an update.
 * Implementations are thread safe; a {@link Held} belongs to the thread that took it.
 */
public interface ConversationTurns {

    /**
     * Waits for the conversation's turn — for a bounded time — and reads its saved state.
     *
     * @throws org.lawline.conversation.ConversationStoreUnavailable when the store cannot be
     *         reached, or the turn did not come within the wait
     */
    Held take(ChannelIdentity citizen);

    /** A conversation's turn, taken. */
    interface Held extends AutoCloseable {

        /** The state saved before this turn; empty for a new (or expired) conversation. */
        Optional<ConversationSnapshot> saved();

        /**
         * Saves the new state and ends the turn.
         *
         * @return false when the turn had been lost (it outlived its lease and another took the
         *         conversation): nothing was saved, so as not to overwrite the newer state
         * @throws org.lawline.conversation.ConversationStoreUnavailable when the store cannot be
         *         reached; the turn ends anyway once its lease runs out
         */
        boolean saveAndRelease(ConversationSnapshot snapshot);

        /** Ends the turn without saving; does nothing once the turn has ended. Never throws. */
        @Override
        void close();
    }
}
