package org.lawline.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.ConversationSnapshot;
import org.lawline.conversation.DialogSettings;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.LegalAidSettings;
import org.lawline.conversation.MobileNumber;
import org.lawline.conversation.Reply;
import org.lawline.knowledge.FaqMatch;

/**
 * The table itself: every event a citizen's message can become is taken in every state where the
 * interpreter can produce it, and the guards of one state and event never both pass — Spring
 * StateMachine does not promise the order it tries transitions in.
 */
class DialogMachineTest {

    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");

    private final EligibilityCheck check = new EligibilityCheck(LegalAidSettings.defaults());
    private final DialogMachine machine = new DialogMachine(new DialogActions(Fixtures.knowledgeBase(), DialogSettings.defaults(), check));

    /** What the interpreter can make of a message in each state (see {@link Interpreter}). */
    private static final Map<DialogState, Set<DialogEvent>> CITIZEN_EVENTS = Map.of(
            DialogState.BOT, answering(),
            DialogState.CLARIFYING, answering(),
            DialogState.QUEUED, answering(),
            DialogState.CALLBACK, answering(),
            DialogState.WITH_LAWYER, EnumSet.of(DialogEvent.EMERGENCY, DialogEvent.CITIZEN_WROTE),
            DialogState.COLLECTING_PHONE, EnumSet.of(DialogEvent.EMERGENCY, DialogEvent.CANCEL, DialogEvent.ASK_FOR_PERSON,
                    DialogEvent.PHONE_GIVEN, DialogEvent.PHONE_CONFIRMED),
            DialogState.CHECKING_ELIGIBILITY, EnumSet.of(DialogEvent.EMERGENCY, DialogEvent.CANCEL, DialogEvent.ASK_FOR_PERSON,
                    DialogEvent.FACT_GIVEN));

    private static Set<DialogEvent> answering() {
        return EnumSet.of(DialogEvent.QUESTION, DialogEvent.TWO_MISSES, DialogEvent.CHOICE, DialogEvent.ASK_FOR_PERSON,
                DialogEvent.CANCEL, DialogEvent.EMERGENCY, DialogEvent.REFERRAL, DialogEvent.GREETING, DialogEvent.WORDLESS,
                DialogEvent.CHECK_ELIGIBILITY, DialogEvent.SHOW_ARTICLES);
    }

    @Test
    void everyStateTakesEveryEventACitizensMessageCanBecomeThere() {
        CITIZEN_EVENTS.forEach((state, events) -> events.forEach(event ->
                assertThat(machine.statesAccepting(event)).as(event + " in " + state).contains(state)));
    }

    @Test
    void aDutyLawyersChatNeverExpiresAndAClosedOneTakesNoCommand() {
        assertThat(machine.statesAccepting(DialogEvent.IDLE_TIMEOUT)).doesNotContain(DialogState.WITH_LAWYER, DialogState.BOT);
        assertThat(machine.statesAccepting(DialogEvent.LAWYER_CLAIMED)).doesNotContain(DialogState.BOT, DialogState.CLOSED);
        assertThat(machine.statesAccepting(DialogEvent.PICKUP_TIMEOUT)).containsExactly(DialogState.QUEUED);
    }

    @Test
    void exactlyOneGuardPassesForEverySampleOfEveryStateAndEvent() {
        for (DialogMachine.Row row : machine.rows()) {
            for (Exchange sample : samples(row.source(), row.event())) {
                List<DialogMachine.Row> passing = new ArrayList<>();
                for (DialogMachine.Row other : machine.rows()) {
                    if (other.source() == row.source() && other.event() == row.event() && other.guard().test().test(sample)) {
                        passing.add(other);
                    }
                }
                assertThat(passing).as(row.source() + " + " + row.event() + " with " + sample.cue + " and " + sample.before)
                        .hasSize(1);
            }
        }
    }

    @Test
    void theMachineEndsWhereTheActionSaysAndTheTableSays() {
        for (DialogMachine.Row row : machine.rows()) {
            for (Exchange sample : samples(row.source(), row.event())) {
                if (!row.guard().test().test(sample)) {
                    continue;
                }
                assertThat(machine.fire(sample)).as(row.toString()).isTrue();
                assertThat(sample.failure()).as(row + " failed").isEmpty();
                assertThat(sample.after()).as(row.toString()).get().extracting(ConversationSnapshot::state).isEqualTo(row.target());
                sample.reply().ifPresent(reply -> assertThat(reply.state()).as(row.toString()).isEqualTo(row.target()));
            }
        }
    }

    /** Exchanges covering each guard's cases for one state and event. */
    private List<Exchange> samples(DialogState state, DialogEvent event) {
        ChannelIdentity web = new ChannelIdentity(Channel.WEB, "default", "c-1");
        ChannelIdentity sms = new ChannelIdentity(Channel.SMS, "12348", "13800138000", MobileNumber.parse("13800138000"));
        List<Reply.Choice> offers = List.of(new Reply.Choice(1, Fixtures.WAGES.id(), "q", 8), new Reply.Choice(2, Fixtures.SEVERANCE.id(), "q", 7));
        ConversationSnapshot plain = new ConversationSnapshot(state, List.of(), 0, NOW);
        ConversationSnapshot offering = new ConversationSnapshot(state, offers, 0, NOW);
        ConversationSnapshot readBack = new ConversationSnapshot(ConversationId.next(), state, List.of(), 0, NOW, NOW, Optional.empty(),
                Map.of(DialogActions.PHONE, "13800138000"));
        ConversationSnapshot lastQuestion = new ConversationSnapshot(ConversationId.next(), state, List.of(), 0, NOW, NOW, Optional.of("lawyer-1"),
                Map.of(EligibilityCheck.Step.RESIDENCE.slot, "LOCAL", EligibilityCheck.Step.INCOME.slot, "1000"));
        Utterance danger = Utterance.emergency(List.of(Hotline.POLICE));
        List<Exchange> samples = new ArrayList<>();
        switch (event) {
            case QUESTION -> {
                for (SearchVerdict verdict : List.of(new SearchVerdict.Clear(new FaqMatch(Fixtures.WAGES, 9, 0.9)),
                        new SearchVerdict.Close(List.of(new FaqMatch(Fixtures.WAGES, 9, 0.5))), new SearchVerdict.Miss(), new SearchVerdict.Failed())) {
                    samples.add(exchange(web, plain, new Cue.Question(event, verdict)));
                }
            }
            case TWO_MISSES -> samples.add(exchange(web, plain, new Cue.Question(event, new SearchVerdict.Miss())));
            case CHOICE -> {
                samples.add(exchange(web, offering, new Cue.Pick(1)));
                samples.add(exchange(web, offering, new Cue.Pick(4)));
                samples.add(exchange(web, plain, new Cue.Pick(1)));
            }
            case EMERGENCY -> samples.add(exchange(web, plain, new Cue.Said(event, danger)));
            case REFERRAL -> samples.add(exchange(web, plain, new Cue.Said(event, Utterance.referral(Hotline.CITY_SERVICES))));
            case GREETING -> samples.add(exchange(web, plain, new Cue.Said(event, Utterance.greeting(Utterance.GreetingKind.HELLO))));
            case SHOW_ARTICLES -> {
                Cue cue = new Cue.Said(event, Utterance.of(Intent.SHOW_ARTICLES));
                samples.add(exchange(web, plain, cue));
                samples.add(exchange(web, offering, cue));
                samples.add(exchange(web, new ConversationSnapshot(ConversationId.next(), state, List.of(), 1, NOW, NOW, Optional.empty(),
                        Map.of(DialogActions.LAST_ANSWER, Fixtures.WAGES.id())), cue));
            }
            case ASK_FOR_PERSON, CANCEL, WORDLESS, CHECK_ELIGIBILITY -> samples.add(exchange(web, plain, new Cue.Said(event, Utterance.of(Intent.QUESTION))));
            case FACT_GIVEN -> {
                samples.add(exchange(web, plain, new Cue.FactGiven(new EligibilityCheck.Answer.Valid(EligibilityCheck.Step.RESIDENCE, "LOCAL"))));
                samples.add(exchange(web, plain, new Cue.FactGiven(new EligibilityCheck.Answer.Invalid(EligibilityCheck.Step.RESIDENCE,
                        EligibilityCheck.Why.NOT_YES_OR_NO))));
                samples.add(exchange(web, lastQuestion, new Cue.FactGiven(new EligibilityCheck.Answer.Valid(EligibilityCheck.Step.MATTER, "OTHER"))));
            }
            case PHONE_GIVEN -> {
                samples.add(exchange(web, plain, new Cue.PhoneGiven(new Cue.PhoneAnswer.Number(new MobileNumber("13800138000")))));
                samples.add(exchange(web, plain, new Cue.PhoneGiven(new Cue.PhoneAnswer.Invalid(Cue.PhoneAnswer.Why.HAS_LETTERS))));
                samples.add(exchange(web, readBack, new Cue.PhoneGiven(new Cue.PhoneAnswer.Denied())));
            }
            case PHONE_CONFIRMED -> {
                samples.add(exchange(web, readBack, new Cue.PhoneConfirmed()));
                samples.add(exchange(web, plain, new Cue.PhoneConfirmed()));
            }
            case CITIZEN_WROTE -> samples.add(exchange(web, lastQuestion, new Cue.ForLawyer()));
            case LAWYER_CLAIMED -> samples.add(exchange(web, plain, new Cue.LawyerClaimed("lawyer-2")));
            case PICKUP_TIMEOUT -> {
                samples.add(exchange(web, plain, new Cue.Happened(event)));
                samples.add(exchange(sms, plain, new Cue.Happened(event)));
            }
            case LAWYER_CLOSED, IDLE_TIMEOUT -> samples.add(exchange(web, plain, new Cue.Happened(event)));
        }
        return samples;
    }

    private static Exchange exchange(ChannelIdentity citizen, ConversationSnapshot before, Cue cue) {
        return new Exchange(citizen, Optional.empty(), before, cue, NOW.plusSeconds(30));
    }
}
