package org.lawline.conversation.dialog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationEvent;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.ConversationSnapshot;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.Reply;

/**
 * One event's passage through the dialog's state machine: what came in (the conversation as it
 * was, the cue, the time) and what the transition's action decided (the reply, the conversation as
 * it will be saved, the events for the rest of LawLine). Travels as a header of the machine's
 * message; confined to the thread that fires the event.
 */
final class Exchange {

    /** The header under which the machine's guards and actions find the exchange. */
    static final String HEADER = "lawline.exchange";

    final ChannelIdentity citizen;
    /** The citizen's message, when a message caused the event (not a command or the clock). */
    final Optional<InboundMessage> message;
    final ConversationSnapshot before;
    final Cue cue;
    final Instant now;

    private Reply reply;
    private ConversationSnapshot after;
    private final List<ConversationEvent> events = new ArrayList<>();
    private RuntimeException failure;

    Exchange(ChannelIdentity citizen, Optional<InboundMessage> message, ConversationSnapshot before, Cue cue, Instant now) {
        this.citizen = Objects.requireNonNull(citizen, "citizen");
        this.message = Objects.requireNonNull(message, "message");
        this.before = Objects.requireNonNull(before, "before");
        this.cue = Objects.requireNonNull(cue, "cue");
        this.now = Objects.requireNonNull(now, "now");
    }

    /** The action's reply and the conversation to save. */
    void decide(Reply reply, ConversationSnapshot after) {
        this.reply = reply;
        this.after = Objects.requireNonNull(after, "after");
    }

    /** An event to publish once the conversation is saved. */
    void announce(ConversationEvent event) {
        events.add(Objects.requireNonNull(event, "event"));
    }

    void failed(RuntimeException e) {
        this.failure = e;
    }

    Optional<Reply> reply() {
        return Optional.ofNullable(reply);
    }

    Optional<ConversationSnapshot> after() {
        return Optional.ofNullable(after);
    }

    /** The consultation this exchange belongs to: its events carry it. */
    ConversationId conversation() {
        return before.conversation();
    }

    List<ConversationEvent> events() {
        return List.copyOf(events);
    }

    Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Slots about the conversation rather than a form in progress: kept whatever the state. The
     * last answer stays readable with 查看法条 after, say, choices were offered or a person asked for.
     */
    static final Set<String> CONVERSATION_SLOTS = Set.of(DialogActions.LAST_ANSWER);

    /**
     * The conversation as it will be saved in {@code state}: by default no choices pending, no
     * misses counted, the lawyer kept only while one holds the chat, the slots of a form kept only
     * while the conversation stays in its state ({@link #CONVERSATION_SLOTS} always), and
     * {@code stateSince} restarted on a change of state.
     */
    Next next(DialogState state) {
        return new Next(state);
    }

    final class Next {
        private final DialogState state;
        private List<Reply.Choice> offered = List.of();
        private int misses;
        private Optional<String> lawyer;
        private final Map<String, String> slots;

        private Next(DialogState state) {
            this.state = state;
            this.lawyer = state == DialogState.WITH_LAWYER ? before.lawyerId() : Optional.empty();
            this.slots = new HashMap<>(before.slots());
            if (state != before.state()) {
                slots.keySet().retainAll(CONVERSATION_SLOTS);
            }
        }

        Next offered(List<Reply.Choice> choices) {
            this.offered = choices;
            return this;
        }

        Next misses(int count) {
            this.misses = count;
            return this;
        }

        Next lawyer(String lawyerId) {
            this.lawyer = Optional.of(lawyerId);
            return this;
        }

        Next slot(String name, String value) {
            slots.put(name, value);
            return this;
        }

        Next withoutSlot(String name) {
            slots.remove(name);
            return this;
        }

        ConversationSnapshot snapshot() {
            Instant since = state == before.state() ? before.stateSince() : now;
            return new ConversationSnapshot(before.conversation(), state, offered, misses, now, since, lawyer, slots);
        }
    }
}
