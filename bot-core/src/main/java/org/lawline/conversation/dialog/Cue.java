package org.lawline.conversation.dialog;

import java.util.List;
import java.util.Objects;
import org.lawline.conversation.MobileNumber;

/**
 * One event for the dialog's state machine with what it carries: what the {@link Interpreter}
 * made of a citizen's message, or a command from handoff, or the passing of time. Guards and
 * actions read it; it never changes.
 */
sealed interface Cue {

    DialogEvent event();

    /**
     * A question, searched: {@link DialogEvent#QUESTION} or {@link DialogEvent#TWO_MISSES}.
     *
     * @param care hotlines the reply closes with, whatever it is ({@link Utterance#hotlines} of a question)
     */
    record Question(DialogEvent event, SearchVerdict verdict, List<Hotline> care) implements Cue {
        public Question {
            if (event != DialogEvent.QUESTION && event != DialogEvent.TWO_MISSES) {
                throw new IllegalArgumentException("A question is QUESTION or TWO_MISSES, not " + event);
            }
            Objects.requireNonNull(verdict, "verdict");
            care = List.copyOf(care);
        }

        Question(DialogEvent event, SearchVerdict verdict) {
            this(event, verdict, List.of());
        }
    }

    /** A number the citizen sent as a pick. */
    record Pick(int number) implements Cue {
        @Override public DialogEvent event() { return DialogEvent.CHOICE; }
    }

    /** A message whose meaning the router alone decided (person, cancel, greeting, danger …). */
    record Said(DialogEvent event, Utterance utterance) implements Cue {
        public Said {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(utterance, "utterance");
        }
    }

    /** An answer to the pre-check's current question. */
    record FactGiven(EligibilityCheck.Answer answer) implements Cue {
        @Override public DialogEvent event() { return DialogEvent.FACT_GIVEN; }
    }

    /** What the citizen typed when asked for a callback number. */
    record PhoneGiven(PhoneAnswer answer) implements Cue {
        @Override public DialogEvent event() { return DialogEvent.PHONE_GIVEN; }
    }

    /** 是 after the number was read back. */
    record PhoneConfirmed() implements Cue {
        @Override public DialogEvent event() { return DialogEvent.PHONE_CONFIRMED; }
    }

    /** A message for the duty lawyer who holds the chat (the text is the exchange's message). */
    record ForLawyer() implements Cue {
        @Override public DialogEvent event() { return DialogEvent.CITIZEN_WROTE; }
    }

    /** A duty lawyer took the chat. */
    record LawyerClaimed(String lawyerId) implements Cue {
        public LawyerClaimed {
            Objects.requireNonNull(lawyerId, "lawyerId");
            if (lawyerId.isBlank()) {
                throw new IllegalArgumentException("A claim needs the lawyer's id");
            }
        }
        @Override public DialogEvent event() { return DialogEvent.LAWYER_CLAIMED; }
    }

    /** Handoff's other commands and the idle timeout: nothing to carry. */
    record Happened(DialogEvent event) implements Cue {
        public Happened {
            if (event != DialogEvent.LAWYER_CLOSED && event != DialogEvent.PICKUP_TIMEOUT && event != DialogEvent.IDLE_TIMEOUT) {
                throw new IllegalArgumentException("Not a command or timeout: " + event);
            }
        }
    }

    /** What the citizen typed for a callback number. */
    sealed interface PhoneAnswer {
        /** A valid mainland mobile number. */
        record Number(MobileNumber phone) implements PhoneAnswer { }

        /** Not a number we could call; {@code why} picks the hint. */
        record Invalid(Why why) implements PhoneAnswer { }

        /** 不是 / 不对 after the read-back: ask again. */
        record Denied() implements PhoneAnswer { }

        enum Why { HAS_LETTERS, WRONG_LENGTH, NOT_MOBILE, NOTHING_TO_CONFIRM }
    }
}
