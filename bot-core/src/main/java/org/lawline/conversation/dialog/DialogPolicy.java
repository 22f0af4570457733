package org.lawline.conversation.dialog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.lawline.conversation.CallbackNumberConfirmed;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConsultationRated;
import org.lawline.conversation.EventId;
import org.lawline.conversation.ConversationEvent;
import org.lawline.conversation.ConversationSnapshot;
import org.lawline.conversation.DialogSettings;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.EventId;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.LegalAidSettings;
import org.lawline.conversation.MobileNumber;
import org.lawline.conversation.OfficeDirectory;
import org.lawline.conversation.Reply;
import org.lawline.knowledge.FaqSearch;
import org.lawline.knowledge.LawArticles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to say and where the conversation goes next, from the saved state and what happened: a
 * pure function of the conversation, but for asking the knowledge base. Thread safe.
 *
 * <p>A turn is: resume the saved conversation as it stands now (a closed one starts afresh; one
 * idle for {@link DialogSettings#idleTimeout()} takes the {@link DialogEvent#IDLE_TIMEOUT}
 * transition; choices offered too long ago are dropped), let the {@link Interpreter} make the
 * message a cue, and fire it through the {@link DialogMachine}, whose transition's action
 * composes the reply.
 */
final class DialogPolicy {

    private static final Logger log = LoggerFactory.getLogger(DialogPolicy.class);

    private final Interpreter interpreter;
    private final DialogMachine machine;
    private final DialogSettings settings;

    /** @param articles the law articles 查看法条 shows; empty where there are none (it then says so) */
    DialogPolicy(Router router, Supplier<Optional<MeaningRecogniser>> meaning, FaqSearch faqs, Optional<LawArticles> articles,
                 DialogSettings settings, LegalAidSettings legalAid) {
        this.settings = Objects.requireNonNull(settings, "settings");
        EligibilityCheck check = new EligibilityCheck(legalAid);
        OfficeDirectory offices = OfficeDirectory.bundled();
        this.interpreter = new Interpreter(router, meaning, faqs, settings, check, offices);
        this.machine = new DialogMachine(new DialogActions(faqs, articles, settings, check, offices));
    }

    /** The turn for one message whose conversation's state was read and will be saved. Never throws for any text. */
    Turn decide(ChannelIdentity citizen, ConversationSnapshot saved, InboundMessage message, Instant now) {
        return decide(citizen, saved, message, now, true);
    }

    /**
     * The turn for one message. {@code remembered} false means the conversation's state could not
     * be read and this turn's state will not be saved (the store is down): the turn then asks
     * nothing it would need to remember the answer to. Close matches are not offered as numbers the
     * next message could not pick from: the best one is answered and the others suggested in words;
     * a bare mobile number, which may answer a callback question the lost state was asking, goes
     * to handoff as the callback number rather than being taken for a question. Never throws for any text.
     */
    Turn decide(ChannelIdentity citizen, ConversationSnapshot saved, InboundMessage message, Instant now, boolean remembered) {
        if (!remembered) {
            Optional<MobileNumber> phone = MobileNumber.parse(message.text());
            if (phone.isPresent()) {
                return phoneWithoutState(citizen, saved, phone.get(), now);
            }
        }
        Turn turn = decideWithState(citizen, saved, message, now);
        if (!remembered && turn.reply() instanceof Reply.Choices choices) {
            return answerTheBestOf(citizen, message, turn, choices, now);
        }
        return turn;
    }

    private Turn decideWithState(ChannelIdentity citizen, ConversationSnapshot saved, InboundMessage message, Instant now) {
        List<ConversationEvent> events = new ArrayList<>();
        Optional<ConsultationRated.Rating> rating = saved.state() == DialogState.CLOSED ? Ratings.of(message.text()) : Optional.empty();
        if (rating.isPresent()) {
            // the closing message asked for this: the rating belongs to the consultation just closed,
            // and the citizen is back with the bot in a new one, as after any message once closed
            events.add(new ConsultationRated(EventId.next(), saved.conversation(), citizen, rating.get(), now));
            ConversationSnapshot fresh = resume(citizen, saved, now, events);
            return new Turn(new Reply.Greeting(ReplyTexts.THANKS_FOR_RATING, fresh.state()), fresh, events);
        }
        ConversationSnapshot current = resume(citizen, saved, now, events);
        Exchange exchange = new Exchange(citizen, Optional.of(message), current, interpreter.interpret(current, message.text()), now);
        boolean accepted = machine.fire(exchange);
        if (!accepted || exchange.failure().isPresent() || exchange.reply().isEmpty() || exchange.after().isEmpty()) {
            // a bug, not the citizen's fault: Conversations promises a reply for any text
            log.error("The dialog could not take {} in state {} for message {} from {}", exchange.cue.event(), current.state(),
                    message.messageId(), citizen, exchange.failure().orElse(null));
            return new Turn(new Reply.NoAnswer(ReplyTexts.SEARCH_FAILED, current.state()), current, events);
        }
        events.addAll(exchange.events());
        return new Turn(exchange.reply().get(), exchange.after().get(), events);
    }

    /**
     * The choices' first, answered as a pick of it would be, with the others as questions the
     * citizen may ask in so many words. Falls back to the choices when the pick is not an answer
     * (the entry is gone), which is no worse than before.
     */
    private Turn answerTheBestOf(ChannelIdentity citizen, InboundMessage message, Turn offered, Reply.Choices choices, Instant now) {
        Exchange pick = new Exchange(citizen, Optional.of(message), offered.next(), new Cue.Pick(1), now);
        if (!machine.fire(pick) || pick.failure().isPresent() || pick.after().isEmpty()
                || !(pick.reply().orElse(null) instanceof Reply.Answer best)) {
            return offered;
        }
        List<String> others = choices.choices().stream().skip(1).map(Reply.Choice::question).toList();
        Reply.Answer answer = new Reply.Answer(best.text() + ReplyTexts.alsoAsk(others), best.state(), best.entry(), best.matchScore(),
                best.lawRefs());
        List<ConversationEvent> events = new ArrayList<>(offered.events());
        events.addAll(pick.events());
        return new Turn(answer, pick.after().get(), events);
    }

    /**
     * A mobile number typed while the state is out of reach: most likely the answer to "which number
     * shall 12348 call back", so handoff hears it as the callback number (it queues a callback only
     * for a chat whose pickup timed out, and ignores it otherwise). Read back once, masked, since the
     * usual confirmation cannot be asked for.
     */
    private Turn phoneWithoutState(ChannelIdentity citizen, ConversationSnapshot saved, MobileNumber phone, Instant now) {
        ConversationSnapshot current = resume(citizen, saved, now, new ArrayList<>());
        return new Turn(new Reply.Prompt(ReplyTexts.phoneNotedWithoutState(phone), current.state()), current,
                List.of(new CallbackNumberConfirmed(EventId.next(), current.conversation(), citizen, phone, now)));
    }

    /**
     * The turn for a command from handoff or the clock; empty when the conversation's state has no
     * transition for it (nothing changes).
     */
    Optional<Turn> command(ChannelIdentity citizen, ConversationSnapshot saved, Cue command, Instant now) {
        List<ConversationEvent> events = new ArrayList<>();
        ConversationSnapshot current = resume(citizen, saved, now, events);
        Exchange exchange = new Exchange(citizen, Optional.empty(), current, command, now);
        if (!machine.fire(exchange)) {
            return Optional.empty();
        }
        if (exchange.failure().isPresent() || exchange.reply().isEmpty() || exchange.after().isEmpty()) {
            throw new IllegalStateException("The dialog failed on " + command.event() + " in state " + current.state(),
                    exchange.failure().orElse(null));
        }
        events.addAll(exchange.events());
        return Optional.of(new Turn(exchange.reply().get(), exchange.after().get(), events));
    }

    /**
     * Where the conversation stands now; changes nothing. A closed conversation reads as
     * {@link DialogState#CLOSED} (the citizen's page can say so) until the next message starts
     * afresh; an idle one as where the idle transition leads.
     */
    DialogState stateNow(ChannelIdentity citizen, ConversationSnapshot saved, Instant now) {
        return saved.state() == DialogState.CLOSED ? DialogState.CLOSED : resume(citizen, saved, now, new ArrayList<>()).state();
    }

    /** The transitions, for the diagram. */
    DialogMachine machine() {
        return machine;
    }

    /**
     * The saved conversation as the dialog sees it now: a closed conversation starts afresh, an
     * idle one takes the idle transition (whose events are added to {@code events}), and choices
     * offered too long ago can no longer be picked by number.
     */
    private ConversationSnapshot resume(ChannelIdentity citizen, ConversationSnapshot saved, Instant now, List<ConversationEvent> events) {
        if (saved.state() == DialogState.CLOSED) {
            return ConversationSnapshot.fresh(now);
        }
        ConversationSnapshot current = saved;
        if (!saved.updatedAt().plus(settings.idleTimeout()).isAfter(now)) {
            Exchange idle = new Exchange(citizen, Optional.empty(), saved, new Cue.Happened(DialogEvent.IDLE_TIMEOUT), now);
            if (machine.fire(idle) && idle.after().isPresent()) {
                current = idle.after().get();
                events.addAll(idle.events());
            }
            // Back with the bot after a pause, the citizen starts a new consultation; one a lawyer
            // still holds goes on under its id, since the lawyer's inbox points at it
            if (current.state() == DialogState.BOT) {
                current = current.asNewConversation();
            }
        }
        if (current.hasOffers() && current.updatedAt().plus(settings.choicesExpireAfter()).isBefore(now)) {
            DialogState state = current.state() == DialogState.CLARIFYING ? DialogState.BOT : current.state();
            return new ConversationSnapshot(current.conversation(), state, List.of(), current.consecutiveMisses(), current.updatedAt(),
                    state == current.state() ? current.stateSince() : now, current.lawyerId(), current.slots());
        }
        return current;
    }
}
