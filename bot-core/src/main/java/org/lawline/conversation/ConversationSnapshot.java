package org.lawline.conversation;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the engine remembers of one conversation between two messages. Immutable.
 *
 * @param conversation      the consultation this is the state of; a new one starts when a citizen
 *                          writes after the last one closed or idled out with the bot
 * @param state             where the conversation stands
 * @param offered           the numbered choices the citizen was last offered and may pick by number;
 *                          empty when no choice is pending
 * @param consecutiveMisses how many questions in a row the bot could not answer
 * @param updatedAt         when the engine last saved this snapshot (the conversation's last activity)
 * @param stateSince        when the conversation entered {@code state} (how long a citizen has waited)
 * @param lawyerId          the duty lawyer holding the chat, in {@link DialogState#WITH_LAWYER}
 * @param slots             facts the citizen gave for the form in progress (the legal-aid pre-check,
 *                          the callback number), by slot name. Kept as text so that a store needs
 *                          no change when a form gains a slot; the dialog types them. May hold a
 *                          phone number: never log the values.
 */
public record ConversationSnapshot(ConversationId conversation, DialogState state, List<Reply.Choice> offered, int consecutiveMisses, Instant updatedAt,
                                   Instant stateSince, Optional<String> lawyerId, Map<String, String> slots) {

    public ConversationSnapshot {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
        offered = offered == null ? List.of() : List.copyOf(offered);
        stateSince = stateSince == null ? updatedAt : stateSince;
        lawyerId = lawyerId == null ? Optional.empty() : lawyerId;
        // sorted, so that two equal snapshots also serialise alike
        slots = slots == null || slots.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(slots));
        if (consecutiveMisses < 0) {
            throw new IllegalArgumentException("consecutiveMisses cannot be negative: " + consecutiveMisses);
        }
    }

    /** A new consultation's snapshot without a lawyer or slots, in its state since {@code updatedAt}. */
    public ConversationSnapshot(DialogState state, List<Reply.Choice> offered, int consecutiveMisses, Instant updatedAt) {
        this(ConversationId.next(), state, offered, consecutiveMisses, updatedAt, updatedAt, Optional.empty(), Map.of());
    }

    /** A consultation that has just begun: a new id, the bot answers, nothing pending. */
    public static ConversationSnapshot fresh(Instant now) {
        return new ConversationSnapshot(DialogState.BOT, List.of(), 0, now);
    }

    /** The same state, as a new consultation (the last one idled out). */
    public ConversationSnapshot asNewConversation() {
        return new ConversationSnapshot(ConversationId.next(), state, offered, consecutiveMisses, updatedAt, stateSince, lawyerId, slots);
    }

    /** The knowledge-base entry ids of the pending choices, in the order offered. */
    public List<String> offeredEntryIds() {
        return offered.stream().map(Reply.Choice::entryId).toList();
    }

    public boolean hasOffers() {
        return !offered.isEmpty();
    }

    /** One slot's value, if the citizen gave it. */
    public Optional<String> slot(String name) {
        return Optional.ofNullable(slots.get(name));
    }

    /** Slot values are not logged: one may be a phone number. */
    @Override
    public String toString() {
        return "ConversationSnapshot[conversation=" + conversation + ", state=" + state + ", offered=" + offeredEntryIds() + ", consecutiveMisses=" + consecutiveMisses
                + ", updatedAt=" + updatedAt + ", stateSince=" + stateSince + ", lawyerId=" + lawyerId.orElse("-")
                + ", slots=" + slots.keySet() + "]";
    }
}
