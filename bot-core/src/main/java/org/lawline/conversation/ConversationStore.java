package org.lawline.conversation;

import java.util.Optional;

/**
 * Where conversation state lives between messages: in this process, or in Redis so that every
 * instance sees it. Implementations are thread safe. Stored conversations may expire (a day
 * without a message by default); an expired conversation reads as absent.
 *
 * <p>The engine takes a conversation's turns one at a time (in this process with its own lock,
 * across instances with {@code RedisConversationTurns}), so a store needs no compare-and-set: the
 * last save wins.
 *
 * @see org.lawline.conversation.ConversationConfiguration
 */
public interface ConversationStore {

    /**
     * The saved state of the citizen's conversation; empty when there is none or it expired.
     *
     * @throws ConversationStoreUnavailable when the store cannot be reached in time
     */
    Optional<ConversationSnapshot> load(ChannelIdentity citizen);

    /**
     * Replaces the saved state and restarts its expiry.
     *
     * @throws ConversationStoreUnavailable when the store cannot be reached in time
     */
    void save(ChannelIdentity citizen, ConversationSnapshot snapshot);

    /**
     * Forgets the conversation; does nothing when there is none.
     *
     * @throws ConversationStoreUnavailable when the store cannot be reached in time
     */
    void delete(ChannelIdentity citizen);
}
