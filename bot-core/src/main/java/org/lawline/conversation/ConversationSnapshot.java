package org.lawline.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the engine remembers of one conversation between two messages. Immutable.
 *
 * @param state             where the conversation stands
 * @param offered           the numbered choices the citizen was last offered and may pick by number;
 *                          empty when no choice is pending
 * @param consecutiveMisses how many questions in a row the bot could not answer
 * @param updatedAt         when the engine last saved this snapshot
 */
public record ConversationSnapshot(DialogState state, List<Reply.Choice> offered, int consecutiveMisses, Instant updatedAt) {

    public ConversationSnapshot {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
        offered = offered == null ? List.of() : List.copyOf(offered);
        if (consecutiveMisses < 0) {
            throw new IllegalArgumentException("consecutiveMisses cannot be negative: " + consecutiveMisses);
        }
    }

    /** A conversation that has just begun: the bot answers, nothing pending. */
    public static ConversationSnapshot fresh(Instant now) {
        return new ConversationSnapshot(DialogState.BOT, List.of(), 0, now);
    }

    /** The knowledge-base entry ids of the pending choices, in the order offered. */
    public List<String> offeredEntryIds() {
        return offered.stream().map(Reply.Choice::entryId).toList();
    }

    public boolean hasOffers() {
        return !offered.isEmpty();
    }
}
