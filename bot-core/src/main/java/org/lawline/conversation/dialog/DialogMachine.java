package org.lawline.conversation.dialog;

import static org.lawline.conversation.DialogState.BOT;
import static org.lawline.conversation.DialogState.CALLBACK;
import static org.lawline.conversation.DialogState.CHECKING_ELIGIBILITY;
import static org.lawline.conversation.DialogState.CLARIFYING;
import static org.lawline.conversation.DialogState.CLOSED;
import static org.lawline.conversation.DialogState.COLLECTING_PHONE;
import static org.lawline.conversation.DialogState.QUEUED;
import static org.lawline.conversation.DialogState.WITH_LAWYER;
import static org.lawline.conversation.dialog.DialogEvent.ASK_FOR_PERSON;
import static org.lawline.conversation.dialog.DialogEvent.CANCEL;
import static org.lawline.conversation.dialog.DialogEvent.CHECK_ELIGIBILITY;
import static org.lawline.conversation.dialog.DialogEvent.CHOICE;
import static org.lawline.conversation.dialog.DialogEvent.CITIZEN_WROTE;
import static org.lawline.conversation.dialog.DialogEvent.EMERGENCY;
import static org.lawline.conversation.dialog.DialogEvent.FACT_GIVEN;
import static org.lawline.conversation.dialog.DialogEvent.FIND_OFFICE;
import static org.lawline.conversation.dialog.DialogEvent.GREETING;
import static org.lawline.conversation.dialog.DialogEvent.IDLE_TIMEOUT;
import static org.lawline.conversation.dialog.DialogEvent.LAWYER_CLAIMED;
import static org.lawline.conversation.dialog.DialogEvent.LAWYER_CLOSED;
import static org.lawline.conversation.dialog.DialogEvent.PHONE_CONFIRMED;
import static org.lawline.conversation.dialog.DialogEvent.PHONE_GIVEN;
import static org.lawline.conversation.dialog.DialogEvent.PICKUP_TIMEOUT;
import static org.lawline.conversation.dialog.DialogEvent.QUESTION;
import static org.lawline.conversation.dialog.DialogEvent.REFERRAL;
import static org.lawline.conversation.dialog.DialogEvent.SHOW_ARTICLES;
import static org.lawline.conversation.dialog.DialogEvent.TWO_MISSES;
import static org.lawline.conversation.dialog.DialogEvent.WORDLESS;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.MobileNumber;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import org.springframework.statemachine.transition.Transition;
import reactor.core.publisher.Mono;

/**
 * The dialog as a Spring StateMachine: the states of {@link DialogState}, the events of
 * {@link DialogEvent}, and one table of transitions with their guards and actions (below, in
 * {@link #define}). {@code bot-core/STATE-MACHINE.md} draws the same table, generated from it.
 *
 * <p>Guards on transitions that share a source state and an event exclude one another: Spring
 * StateMachine does not promise to try transitions in the order they were declared, so the table
 * must never depend on it. An event a state has no transition for is refused
 * ({@link #fire} returns false) and changes nothing.
 *
 * <p>A machine is not thread safe, and building one costs more than a turn: finished machines are
 * kept (up to {@value #SPARE_MACHINES}) and reset to the next conversation's state before use. A
 * machine lives for one event at a time on the calling thread; the conversation's state is in the
 * store, never in the machine between turns.
 */
final class DialogMachine {

    private static final int SPARE_MACHINES = 64;

    /** Waiting for a person (queued, or a callback set): the bot still answers. */
    private static final Set<DialogState> WAITING = EnumSet.of(QUEUED, CALLBACK);

    private final StateMachineFactory<DialogState, DialogEvent> factory;
    private final List<Row> rows = new ArrayList<>();
    private final Queue<StateMachine<DialogState, DialogEvent>> spare = new ConcurrentLinkedQueue<>();
    private final AtomicInteger spareCount = new AtomicInteger();

    DialogMachine(DialogActions actions) {
        this.factory = define(Objects.requireNonNull(actions, "actions"), rows);
    }

    /**
     * Fires the exchange's event from the state its conversation is in; the transition's action
     * fills in the exchange.
     *
     * @return true when a transition took the event; false when the state has none for it
     */
    boolean fire(Exchange exchange) {
        StateMachine<DialogState, DialogEvent> machine = borrow();
        boolean healthy = false;
        try {
            DefaultStateMachineContext<DialogState, DialogEvent> resume =
                    new DefaultStateMachineContext<>(exchange.before.state(), null, null, null);
            machine.getStateMachineAccessor().doWithAllRegions(region -> region.resetStateMachineReactively(resume).block());
            machine.startReactively().block();
            Message<DialogEvent> message = MessageBuilder.withPayload(exchange.cue.event())
                    .setHeader(Exchange.HEADER, exchange)
                    .build();
            List<StateMachineEventResult<DialogState, DialogEvent>> results = machine.sendEvent(Mono.just(message)).collectList().block();
            machine.stopReactively().block();
            healthy = true;
            return results != null && results.stream()
                    .anyMatch(result -> result.getResultType() == StateMachineEventResult.ResultType.ACCEPTED);
        } finally {
            giveBack(machine, healthy);
        }
    }

    /** The transitions as Spring StateMachine holds them, for the diagram and the tests. */
    List<Transition<DialogState, DialogEvent>> transitions() {
        return List.copyOf(factory.getStateMachine().getTransitions());
    }

    /** The number the 12348 hotline can call back without asking, when the citizen's channel gives one. */
    static Optional<MobileNumber> channelNumber(ChannelIdentity citizen) {
        return citizen.phone();
    }

    private StateMachine<DialogState, DialogEvent> borrow() {
        StateMachine<DialogState, DialogEvent> machine = spare.poll();
        if (machine == null) {
            return factory.getStateMachine();
        }
        spareCount.decrementAndGet();
        return machine;
    }

    private void giveBack(StateMachine<DialogState, DialogEvent> machine, boolean healthy) {
        // a machine that failed half-way may be in any state: let it go
        if (healthy && spareCount.incrementAndGet() <= SPARE_MACHINES) {
            spare.offer(machine);
        } else if (healthy) {
            spareCount.decrementAndGet();
        }
    }

    // ---- the table ----

    /** The table as declared, one row per source state, for tests of the guards. */
    List<Row> rows() {
        return List.copyOf(rows);
    }

    /** One transition as declared: {@code target} equals {@code source} for an internal transition. */
    record Row(DialogState source, DialogEvent event, DialogState target, Guard guard, String action) {
    }

    private static StateMachineFactory<DialogState, DialogEvent> define(DialogActions act, List<Row> rows) {
        try {
            StateMachineBuilder.Builder<DialogState, DialogEvent> builder = StateMachineBuilder.builder();
            builder.configureConfiguration().withConfiguration().autoStartup(false).machineId("dialog");
            builder.configureStates().withStates().initial(BOT).states(EnumSet.allOf(DialogState.class));
            Table t = new Table(builder.configureTransitions(), rows);

            // questions, searched before the machine: answered, offered as choices, or missed
            t.on(QUESTION, of(BOT, CLARIFYING), BOT, Guards.ANSWERED, "answer", act::answer);
            t.on(QUESTION, of(BOT, CLARIFYING), CLARIFYING, Guards.CLOSE_MATCHES, "offerChoices", act::offerChoices);
            t.on(QUESTION, of(BOT, CLARIFYING), BOT, Guards.NO_ANSWER, "admitMiss", act::admitMiss);
            t.on(QUESTION, WAITING, null, Guards.ANSWERED, "answer", act::answer);
            t.on(QUESTION, WAITING, null, Guards.CLOSE_MATCHES, "offerChoices", act::offerChoices);
            t.on(QUESTION, WAITING, null, Guards.NO_ANSWER, "admitMissWhileWaiting", act::admitMissWhileWaiting);
            t.on(TWO_MISSES, of(BOT, CLARIFYING), BOT, Guards.ALWAYS, "offerPerson", act::offerPerson);
            t.on(TWO_MISSES, WAITING, null, Guards.ALWAYS, "admitMissWhileWaiting", act::admitMissWhileWaiting);

            // a number: a pick of the choices offered, or not
            t.on(CHOICE, of(BOT), BOT, Guards.ALWAYS, "askInWords", act::askInWords);
            t.on(CHOICE, of(CLARIFYING), BOT, Guards.PICKS_AN_OFFER, "answerPick", act::answerPick);
            t.on(CHOICE, of(CLARIFYING), CLARIFYING, Guards.PICK_BEYOND_OFFERS, "showChoicesAgain", act::showChoicesAgain);
            t.on(CHOICE, of(CLARIFYING), BOT, Guards.NOTHING_OFFERED, "askInWords", act::askInWords);
            t.on(CHOICE, WAITING, null, Guards.PICKS_AN_OFFER, "answerPick", act::answerPick);
            t.on(CHOICE, WAITING, null, Guards.PICK_BEYOND_OFFERS, "showChoicesAgain", act::showChoicesAgain);
            t.on(CHOICE, WAITING, null, Guards.NOTHING_OFFERED, "askInWords", act::askInWords);

            // danger comes first in every state; the rest of what the router alone understands
            t.on(EMERGENCY, of(CLARIFYING), BOT, Guards.ALWAYS, "warnOfDanger", act::warnOfDanger);
            t.on(EMERGENCY, of(BOT, QUEUED, CALLBACK, COLLECTING_PHONE, CHECKING_ELIGIBILITY), null, Guards.ALWAYS,
                    "warnOfDanger", act::warnOfDanger);
            t.on(EMERGENCY, of(WITH_LAWYER), null, Guards.ALWAYS, "warnOfDangerAndTellLawyer", act::warnOfDangerAndTellLawyer);
            t.on(REFERRAL, of(BOT, CLARIFYING), BOT, Guards.ALWAYS, "refer", act::refer);
            t.on(REFERRAL, WAITING, null, Guards.ALWAYS, "refer", act::refer);
            t.on(FIND_OFFICE, of(BOT, CLARIFYING), BOT, Guards.ALWAYS, "listOffices", act::listOffices);
            t.on(FIND_OFFICE, WAITING, null, Guards.ALWAYS, "listOffices", act::listOffices);
            t.on(GREETING, of(BOT, CLARIFYING), BOT, Guards.ALWAYS, "greet", act::greet);
            t.on(GREETING, WAITING, null, Guards.ALWAYS, "greet", act::greet);
            t.on(WORDLESS, of(BOT, CLARIFYING), BOT, Guards.ALWAYS, "askInWords", act::askInWords);
            t.on(WORDLESS, WAITING, null, Guards.ALWAYS, "askInWords", act::askInWords);
            // 查看法条 leaves everything pending as it was: choices can still be picked afterwards
            t.on(SHOW_ARTICLES, of(BOT, CLARIFYING, QUEUED, CALLBACK), null, Guards.ALWAYS, "showArticles", act::showArticles);

            // a person
            t.on(ASK_FOR_PERSON, of(BOT, CLARIFYING, CHECKING_ELIGIBILITY), QUEUED, Guards.ALWAYS, "requestEscalation", act::requestEscalation);
            t.on(ASK_FOR_PERSON, of(QUEUED), null, Guards.ALWAYS, "remindQueued", act::remindQueued);
            t.on(ASK_FOR_PERSON, of(CALLBACK), null, Guards.ALWAYS, "remindCallback", act::remindCallback);
            t.on(ASK_FOR_PERSON, of(COLLECTING_PHONE), null, Guards.ALWAYS, "askForPhoneAgain", act::askForPhoneAgain);
            t.on(LAWYER_CLAIMED, of(QUEUED, COLLECTING_PHONE, CALLBACK), WITH_LAWYER, Guards.ALWAYS, "announceLawyer", act::announceLawyer);
            t.on(LAWYER_CLAIMED, of(WITH_LAWYER), null, Guards.ALWAYS, "announceTransfer", act::announceTransfer);
            t.on(CITIZEN_WROTE, of(WITH_LAWYER), null, Guards.ALWAYS, "relayToLawyer", act::relayToLawyer);
            t.on(LAWYER_CLOSED, of(WITH_LAWYER), CLOSED, Guards.ALWAYS, "closeConsultation", act::closeConsultation);

            // nobody picked it up: a 12348 callback, on a number read back to confirm
            t.on(PICKUP_TIMEOUT, of(QUEUED), CALLBACK, Guards.CHANNEL_GIVES_NUMBER, "scheduleCallbackToChannelNumber",
                    act::scheduleCallbackToChannelNumber);
            t.on(PICKUP_TIMEOUT, of(QUEUED), COLLECTING_PHONE, Guards.CHANNEL_GIVES_NO_NUMBER, "askForPhone", act::askForPhone);
            t.on(PHONE_GIVEN, of(COLLECTING_PHONE), null, Guards.A_MOBILE_NUMBER, "readBackPhone", act::readBackPhone);
            t.on(PHONE_GIVEN, of(COLLECTING_PHONE), null, Guards.NOT_A_MOBILE_NUMBER, "askForPhoneAgain", act::askForPhoneAgain);
            t.on(PHONE_CONFIRMED, of(COLLECTING_PHONE), CALLBACK, Guards.NUMBER_READ_BACK, "scheduleCallback", act::scheduleCallback);
            t.on(PHONE_CONFIRMED, of(COLLECTING_PHONE), null, Guards.NO_NUMBER_YET, "askForPhoneAgain", act::askForPhoneAgain);

            // the legal-aid pre-check
            t.on(CHECK_ELIGIBILITY, of(BOT, CLARIFYING), CHECKING_ELIGIBILITY, Guards.ALWAYS, "startCheck", act::startCheck);
            t.on(CHECK_ELIGIBILITY, WAITING, null, Guards.ALWAYS, "explainLegalAidWhileWaiting", act::explainLegalAidWhileWaiting);
            t.on(FACT_GIVEN, of(CHECKING_ELIGIBILITY), null, Guards.MORE_TO_ASK, "askNextFact", act::askNextFact);
            t.on(FACT_GIVEN, of(CHECKING_ELIGIBILITY), null, Guards.INVALID_FACT, "askFactAgain", act::askFactAgain);
            t.on(FACT_GIVEN, of(CHECKING_ELIGIBILITY), BOT, Guards.COMPLETES_CHECK, "assess", act::assess);

            // 取消 / 结束
            t.on(CANCEL, of(BOT), null, Guards.ALWAYS, "nothingToCancel", act::nothingToCancel);
            t.on(CANCEL, of(CLARIFYING), BOT, Guards.ALWAYS, "dropChoices", act::dropChoices);
            t.on(CANCEL, of(QUEUED), BOT, Guards.ALWAYS, "leaveQueue", act::leaveQueue);
            t.on(CANCEL, of(COLLECTING_PHONE, CALLBACK), BOT, Guards.ALWAYS, "cancelCallback", act::cancelCallback);
            t.on(CANCEL, of(CHECKING_ELIGIBILITY), BOT, Guards.ALWAYS, "dropCheck", act::dropCheck);

            // idle: back to the bot — never while a duty lawyer holds the chat
            t.on(IDLE_TIMEOUT, of(CLARIFYING, CHECKING_ELIGIBILITY, CALLBACK), BOT, Guards.ALWAYS, "forget", act::forget);
            t.on(IDLE_TIMEOUT, of(QUEUED, COLLECTING_PHONE), BOT, Guards.ALWAYS, "forgetAndLeaveQueue", act::forgetAndLeaveQueue);

            return builder.createFactory();
        } catch (Exception e) {
            // the builder declares Exception; a bad table is a bug found by every test
            throw new IllegalStateException("The dialog's state machine could not be defined", e);
        }
    }

    private static Set<DialogState> of(DialogState first, DialogState... rest) {
        return EnumSet.of(first, rest);
    }

    /** A named guard, so that the diagram can show it. */
    record Guard(String name, Predicate<Exchange> test) {
    }

    /** The guards: pure tests of the exchange. Those on one state and event exclude one another. */
    static final class Guards {
        static final Guard ALWAYS = new Guard("", x -> true);
        static final Guard ANSWERED = new Guard("answered", x -> verdict(x) instanceof SearchVerdict.Clear);
        static final Guard CLOSE_MATCHES = new Guard("close matches", x -> verdict(x) instanceof SearchVerdict.Close);
        static final Guard NO_ANSWER = new Guard("no answer",
                x -> verdict(x) instanceof SearchVerdict.Miss || verdict(x) instanceof SearchVerdict.Failed);
        static final Guard PICKS_AN_OFFER = new Guard("picks an offer",
                x -> x.before.hasOffers() && pick(x) <= x.before.offered().size());
        static final Guard PICK_BEYOND_OFFERS = new Guard("beyond the offers",
                x -> x.before.hasOffers() && pick(x) > x.before.offered().size());
        static final Guard NOTHING_OFFERED = new Guard("nothing offered", x -> !x.before.hasOffers());
        static final Guard CHANNEL_GIVES_NUMBER = new Guard("channel gives a number", x -> channelNumber(x.citizen).isPresent());
        static final Guard CHANNEL_GIVES_NO_NUMBER = new Guard("no number yet", x -> channelNumber(x.citizen).isEmpty());
        static final Guard A_MOBILE_NUMBER = new Guard("a mobile number",
                x -> ((Cue.PhoneGiven) x.cue).answer() instanceof Cue.PhoneAnswer.Number);
        static final Guard NOT_A_MOBILE_NUMBER = new Guard("not a mobile number",
                x -> !(((Cue.PhoneGiven) x.cue).answer() instanceof Cue.PhoneAnswer.Number));
        static final Guard NUMBER_READ_BACK = new Guard("number read back", x -> x.before.slot(DialogActions.PHONE).isPresent());
        static final Guard NO_NUMBER_YET = new Guard("no number yet", x -> x.before.slot(DialogActions.PHONE).isEmpty());
        static final Guard INVALID_FACT = new Guard("invalid answer",
                x -> ((Cue.FactGiven) x.cue).answer() instanceof EligibilityCheck.Answer.Invalid);
        static final Guard MORE_TO_ASK = new Guard("more to ask",
                x -> ((Cue.FactGiven) x.cue).answer() instanceof EligibilityCheck.Answer.Valid && !completes(x));
        static final Guard COMPLETES_CHECK = new Guard("last answer",
                x -> ((Cue.FactGiven) x.cue).answer() instanceof EligibilityCheck.Answer.Valid && completes(x));

        private static SearchVerdict verdict(Exchange x) {
            return ((Cue.Question) x.cue).verdict();
        }

        private static int pick(Exchange x) {
            return ((Cue.Pick) x.cue).number();
        }

        /** Every other step of the pre-check already has its slot. */
        private static boolean completes(Exchange x) {
            EligibilityCheck.Answer.Valid valid = (EligibilityCheck.Answer.Valid) ((Cue.FactGiven) x.cue).answer();
            for (EligibilityCheck.Step step : EligibilityCheck.Step.values()) {
                if (step != valid.step() && x.before.slot(step.slot).isEmpty()) {
                    return false;
                }
            }
            return true;
        }

        private Guards() {
        }
    }

    /** Declares transitions one row at a time: internal when the state stays ({@code to} null). */
    private static final class Table {
        private final StateMachineTransitionConfigurer<DialogState, DialogEvent> transitions;
        private final List<Row> rows;

        Table(StateMachineTransitionConfigurer<DialogState, DialogEvent> transitions, List<Row> rows) {
            this.transitions = transitions;
            this.rows = rows;
        }

        void on(DialogEvent event, Set<DialogState> from, DialogState to, Guard guard, String actionName,
                BiConsumer<Exchange, DialogState> action) throws Exception {
            String name = guard.name().isEmpty() ? "/ " + actionName : "[" + guard.name() + "] / " + actionName;
            for (DialogState source : from) {
                DialogState target = to == null ? source : to;
                rows.add(new Row(source, event, target, guard, actionName));
                org.springframework.statemachine.action.Action<DialogState, DialogEvent> run = context -> act(context, target, action);
                org.springframework.statemachine.guard.Guard<DialogState, DialogEvent> when = context -> guard.test().test(exchange(context));
                if (target == source) {
                    transitions.withInternal().source(source).event(event).guard(when).action(run).name(name);
                } else {
                    transitions.withExternal().source(source).target(target).event(event).guard(when).action(run).name(name);
                }
            }
        }

        /** An action that throws is a bug: kept in the exchange, so the engine can apologise and keep the old state. */
        private static void act(StateContext<DialogState, DialogEvent> context, DialogState target,
                                BiConsumer<Exchange, DialogState> action) {
            Exchange exchange = exchange(context);
            try {
                action.accept(exchange, target);
            } catch (RuntimeException e) {
                exchange.failed(e);
            }
        }

        private static Exchange exchange(StateContext<DialogState, DialogEvent> context) {
            return (Exchange) Objects.requireNonNull(context.getMessageHeader(Exchange.HEADER), "exchange header");
        }
    }

    /** Names of the states with transitions for an event, for tests that check the table is total. */
    List<DialogState> statesAccepting(DialogEvent event) {
        List<DialogState> states = new ArrayList<>();
        for (Transition<DialogState, DialogEvent> transition : transitions()) {
            if (transition.getTrigger() != null && transition.getTrigger().getEvent() == event
                    && !states.contains(transition.getSource().getId())) {
                states.add(transition.getSource().getId());
            }
        }
        return states;
    }
}
