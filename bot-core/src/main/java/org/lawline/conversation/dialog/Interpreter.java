package org.lawline.conversation.dialog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.lawline.conversation.ConversationSnapshot;
import org.lawline.conversation.DialogSettings;
import org.lawline.conversation.MobileNumber;
import org.lawline.conversation.OfficeDirectory;
import org.lawline.knowledge.FaqMatch;
import org.lawline.knowledge.FaqSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a citizen's message into the state machine's cue. What a message means depends a little
 * on where the conversation stands: while a duty lawyer holds the chat it is for the lawyer; while
 * a form asks for a fact (the pre-check, the callback number) it is an answer — in every state,
 * danger comes first, and outside a lawyer's chat 取消 and 人工 keep their meaning. Questions are
 * searched here, so that the machine's guards can see the verdict. Thread safe.
 */
final class Interpreter {

    private static final Logger log = LoggerFactory.getLogger(Interpreter.class);

    private final Router router;
    private final Supplier<Optional<MeaningRecogniser>> meaning;
    private final FaqSearch faqs;
    private final DialogSettings settings;
    private final EligibilityCheck check;
    private final OfficeDirectory offices;

    /** @param meaning recognises by meaning what the router's keywords miss; empty, keywords alone decide */
    Interpreter(Router router, Optional<MeaningRecogniser> meaning, FaqSearch faqs, DialogSettings settings, EligibilityCheck check) {
        this(router, () -> meaning, faqs, settings, check);
    }

    /** @param meaning the recogniser once it is trained; empty before, and the keywords alone decide */
    Interpreter(Router router, Supplier<Optional<MeaningRecogniser>> meaning, FaqSearch faqs, DialogSettings settings,
                EligibilityCheck check) {
        this(router, meaning, faqs, settings, check, OfficeDirectory.bundled());
    }

    /** @param offices tells a message that only names a district ("西湖区", the answer to "请问您在哪个区") */
    Interpreter(Router router, Supplier<Optional<MeaningRecogniser>> meaning, FaqSearch faqs, DialogSettings settings,
                EligibilityCheck check, OfficeDirectory offices) {
        this.offices = Objects.requireNonNull(offices, "offices");
        this.router = Objects.requireNonNull(router, "router");
        this.meaning = Objects.requireNonNull(meaning, "meaning");
        this.faqs = Objects.requireNonNull(faqs, "faqs");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.check = Objects.requireNonNull(check, "check");
    }

    Cue interpret(ConversationSnapshot current, String text) {
        // searched at most once a turn, and only when a question or the recogniser needs it
        Supplier<SearchVerdict> verdict = once(() -> search(text));
        Utterance routed = router.classify(text);
        // "西湖区" alone answers "请问您在哪个区": nothing else in the knowledge base is a bare place name
        Utterance keywords = routed.intent() == Intent.QUESTION && offices.onlyNamesADistrict(text)
                ? Utterance.of(Intent.FIND_OFFICE) : routed;
        Utterance said = meaning.get().map(m -> m.refine(keywords, text, current.state(), verdict)).orElse(keywords);
        if (said.intent() == Intent.EMERGENCY) {
            return new Cue.Said(DialogEvent.EMERGENCY, said);
        }
        switch (current.state()) {
            case WITH_LAWYER:
                return new Cue.ForLawyer();
            case COLLECTING_PHONE:
                return keepsItsMeaning(said).orElseGet(() -> phone(current, text));
            case CHECKING_ELIGIBILITY:
                return keepsItsMeaning(said).orElseGet(() -> new Cue.FactGiven(check.read(current, text)));
            default:
                break;
        }
        Optional<Cue> picked = offeredQuestion(current, text);
        if (picked.isPresent()) {
            return picked.get();
        }
        return switch (said.intent()) {
            case EMERGENCY -> new Cue.Said(DialogEvent.EMERGENCY, said);
            case ASK_FOR_PERSON -> new Cue.Said(DialogEvent.ASK_FOR_PERSON, said);
            case CANCEL -> new Cue.Said(DialogEvent.CANCEL, said);
            case PICK -> new Cue.Pick(said.pick());
            case REFERRAL -> new Cue.Said(DialogEvent.REFERRAL, said);
            case GREETING -> new Cue.Said(DialogEvent.GREETING, said);
            case WORDLESS -> new Cue.Said(DialogEvent.WORDLESS, said);
            case LEGAL_AID -> new Cue.Said(DialogEvent.CHECK_ELIGIBILITY, said);
            case SHOW_ARTICLES -> new Cue.Said(DialogEvent.SHOW_ARTICLES, said);
            case FIND_OFFICE -> new Cue.Said(DialogEvent.FIND_OFFICE, said);
            case QUESTION -> question(current, verdict.get(), said.hotlines());
        };
    }

    private static <T> Supplier<T> once(Supplier<T> compute) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = compute.get();
                }
                return value;
            }
        };
    }

    /**
     * One of the offered questions, sent word for word (the web page's choice buttons send the
     * question, not its number, so that the same click means the same wherever the offer was lost):
     * the pick of it. Searching it again could offer the same close matches once more.
     */
    private static Optional<Cue> offeredQuestion(ConversationSnapshot current, String text) {
        String asked = comparable(text);
        return current.offered().stream()
                .filter(choice -> comparable(choice.question()).equals(asked))
                .findFirst()
                .map(choice -> new Cue.Pick(choice.number()));
    }

    private static String comparable(String text) {
        return text.strip().replaceAll("[\\s?？。.!！]+$", "");
    }

    /** 取消 and 人工 mean the same inside a form as anywhere else. */
    private static Optional<Cue> keepsItsMeaning(Utterance said) {
        if (said.intent() == Intent.CANCEL) {
            return Optional.of(new Cue.Said(DialogEvent.CANCEL, said));
        }
        if (said.intent() == Intent.ASK_FOR_PERSON) {
            return Optional.of(new Cue.Said(DialogEvent.ASK_FOR_PERSON, said));
        }
        return Optional.empty();
    }

    private static Cue phone(ConversationSnapshot current, String text) {
        Optional<MobileNumber> number = MobileNumber.parse(text);
        if (number.isPresent()) {
            return new Cue.PhoneGiven(new Cue.PhoneAnswer.Number(number.get()));
        }
        Optional<Boolean> yes = Texts.yesOrNo(text);
        boolean readBack = current.slot(DialogActions.PHONE).isPresent();
        if (yes.isPresent()) {
            if (yes.get() && readBack) {
                return new Cue.PhoneConfirmed();
            }
            return new Cue.PhoneGiven(yes.get() ? new Cue.PhoneAnswer.Invalid(Cue.PhoneAnswer.Why.NOTHING_TO_CONFIRM)
                    : new Cue.PhoneAnswer.Denied());
        }
        return new Cue.PhoneGiven(new Cue.PhoneAnswer.Invalid(whyNotAMobile(text)));
    }

    private static Cue.PhoneAnswer.Why whyNotAMobile(String text) {
        String compact = Texts.compact(text);
        if (compact.codePoints().anyMatch(Character::isLetter)) {
            return Cue.PhoneAnswer.Why.HAS_LETTERS;
        }
        long digits = compact.codePoints().filter(Character::isDigit).count();
        return digits == 11 ? Cue.PhoneAnswer.Why.NOT_MOBILE : Cue.PhoneAnswer.Why.WRONG_LENGTH;
    }

    private static Cue question(ConversationSnapshot current, SearchVerdict verdict, List<Hotline> care) {
        boolean secondMiss = verdict instanceof SearchVerdict.Miss && current.consecutiveMisses() + 1 >= 2;
        return new Cue.Question(secondMiss ? DialogEvent.TWO_MISSES : DialogEvent.QUESTION, verdict, care);
    }

    private SearchVerdict search(String text) {
        String question = text.strip();
        if (question.length() > settings.maxQuestionLength()) {
            question = question.substring(0, settings.maxQuestionLength());
        }
        try {
            // one more than we offer: choices are only close if we can see what comes after them
            List<FaqMatch> matches = faqs.search(question, settings.maxChoices() + 1);
            return SearchVerdict.of(matches == null ? List.of() : matches, settings);
        } catch (RuntimeException e) {
            // the exception's message may quote the citizen's text: the class is enough at ERROR
            log.error("Knowledge-base search failed ({}); replying without an answer", e.getClass().getName());
            log.debug("Knowledge-base search failure", e);
            return new SearchVerdict.Failed();
        }
    }
}
