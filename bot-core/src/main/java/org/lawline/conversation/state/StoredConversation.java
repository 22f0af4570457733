package org.lawline.conversation.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.ConversationSnapshot;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.Reply;

/**
 * The JSON form of a conversation in Redis. Kept apart from {@link ConversationSnapshot} so that
 * the stored format changes only on purpose: {@code v} says which format a value is in, and a
 * reader ignores a value whose format it does not know (the conversation starts afresh).
 *
 * <p>Format 2 added {@code since}, {@code lawyer} and {@code slots}; a format-1 value (written by
 * the previous version, during a rolling upgrade) reads with none of them. Format 3 added
 * {@code conversation}, the consultation's id; a value without one (formats 1 and 2) reads as a
 * consultation that starts with this read, and keeps that id once the turn saves it.
 */
record StoredConversation(int v, String conversation, String state, List<Offer> offered, int misses, Instant updatedAt,
                          Instant since, String lawyer, Map<String, String> slots) {

    static final int VERSION = 3;

    record Offer(int n, String entry, String question, double score) {
    }

    static StoredConversation of(ConversationSnapshot snapshot) {
        return new StoredConversation(VERSION, snapshot.conversation().toString(), snapshot.state().name(),
                snapshot.offered().stream()
                        .map(choice -> new Offer(choice.number(), choice.entryId(), choice.question(), choice.score()))
                        .toList(),
                snapshot.consecutiveMisses(), snapshot.updatedAt(), snapshot.stateSince(), snapshot.lawyerId().orElse(null),
                snapshot.slots().isEmpty() ? null : snapshot.slots());
    }

    /** @throws IllegalArgumentException when the stored value is not one this version can read */
    ConversationSnapshot toSnapshot() {
        if (v < 1 || v > VERSION) {
            throw new IllegalArgumentException("Unknown stored conversation format " + v);
        }
        List<Reply.Choice> choices = offered == null ? List.of() : offered.stream()
                .map(offer -> new Reply.Choice(offer.n(), offer.entry(), offer.question(), offer.score()))
                .toList();
        return new ConversationSnapshot(conversation == null ? ConversationId.next() : ConversationId.of(conversation),
                DialogState.valueOf(state), choices, misses, updatedAt, since,
                Optional.ofNullable(lawyer), slots == null ? Map.of() : slots);
    }
}
