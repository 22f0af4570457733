package org.lawline.conversation.dialog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lawline.conversation.CallbackNumberConfirmed;
import org.lawline.conversation.CitizenWroteToLawyer;
import org.lawline.conversation.ConversationClosed;
import org.lawline.conversation.ConversationSnapshot;
import org.lawline.conversation.DialogSettings;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.EscalationCancelled;
import org.lawline.conversation.EscalationRequested;
import org.lawline.conversation.EventId;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.MobileNumber;
import org.lawline.conversation.OfficeDirectory;
import org.lawline.conversation.Reply;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqMatch;
import org.lawline.knowledge.FaqSearch;
import org.lawline.knowledge.LawArticle;
import org.lawline.knowledge.LawArticleMatch;
import org.lawline.knowledge.LawArticles;
import org.lawline.knowledge.LawReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the dialog does on a transition: each method is one action of {@link DialogMachine}'s
 * table, given the exchange and the state the transition leads to. An action composes the reply,
 * the conversation to save and the events to publish; it never decides where the conversation
 * goes — the table does. Thread safe (no state of its own).
 */
final class DialogActions {

    private static final Logger log = LoggerFactory.getLogger(DialogActions.class);

    /** The callback number: asked for, read back, then kept while the callback is pending. */
    static final String PHONE = "callback.phone";

    /**
     * The entry of the last answer given, so that 查看法条 can show the articles it cited. Only the
     * id is kept: the entry, and the articles, are read again when asked for.
     */
    static final String LAST_ANSWER = "answer.entry";

    private final OfficeDirectory offices;
    private final FaqSearch faqs;
    private final Optional<LawArticles> articles;
    private final DialogSettings settings;
    private final EligibilityCheck check;

    /** Without law articles: 查看法条 says they cannot be shown. */
    DialogActions(FaqSearch faqs, DialogSettings settings, EligibilityCheck check) {
        this(faqs, Optional.empty(), settings, check);
    }

    DialogActions(FaqSearch faqs, Optional<LawArticles> articles, DialogSettings settings, EligibilityCheck check) {
        this(faqs, articles, settings, check, OfficeDirectory.bundled());
    }

    DialogActions(FaqSearch faqs, Optional<LawArticles> articles, DialogSettings settings, EligibilityCheck check,
                  OfficeDirectory offices) {
        this.offices = Objects.requireNonNull(offices, "offices");
        this.faqs = Objects.requireNonNull(faqs, "faqs");
        this.articles = Objects.requireNonNull(articles, "articles");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.check = Objects.requireNonNull(check, "check");
    }

    // ---- questions and choices ----

    void answer(Exchange x, DialogState to) {
        FaqMatch match = ((SearchVerdict.Clear) question(x).verdict()).match();
        x.decide(closed(x, whileWaiting(x, to, answerOf(match.entry(), match.score(), to))),
                x.next(to).slot(LAST_ANSWER, match.entry().id()).snapshot());
    }

    void offerChoices(Exchange x, DialogState to) {
        List<Reply.Choice> choices = new ArrayList<>();
        for (FaqMatch match : ((SearchVerdict.Close) question(x).verdict()).matches()) {
            choices.add(new Reply.Choice(choices.size() + 1, match.entry().id(), match.entry().question(), match.score()));
        }
        x.decide(closed(x, new Reply.Choices(ReplyTexts.choices(choices), to, choices)), x.next(to).offered(choices).snapshot());
    }

    /**
     * No entry is confident: the closest law articles if the law search is, else "no answer".
     * Either way it is a miss: no entry answered, so two in a row still offer a person. A failed
     * search is not the citizen's miss: it does not count toward offering a person.
     */
    void admitMiss(Exchange x, DialogState to) {
        boolean failed = question(x).verdict() instanceof SearchVerdict.Failed;
        int misses = failed ? x.before.consecutiveMisses() : x.before.consecutiveMisses() + 1;
        Reply reply = failed ? new Reply.NoAnswer(ReplyTexts.SEARCH_FAILED, to)
                : groundedInLaw(x, to).orElseGet(() -> new Reply.NoAnswer(ReplyTexts.NO_ANSWER, to));
        x.decide(closed(x, reply), x.next(to).misses(misses).snapshot());
    }

    void offerPerson(Exchange x, DialogState to) {
        Reply reply = groundedInLaw(x, to).orElseGet(() -> new Reply.NoAnswer(ReplyTexts.NO_ANSWER_AGAIN, to));
        x.decide(closed(x, reply), x.next(to).misses(x.before.consecutiveMisses() + 1).snapshot());
    }

    /** The one or two articles at least {@link DialogSettings#lawCloseness()} close to the question, if any. */
    private Optional<Reply> groundedInLaw(Exchange x, DialogState to) {
        if (articles.isEmpty() || x.message.isEmpty()) {
            return Optional.empty();
        }
        List<LawArticle> close;
        try {
            close = articles.get().search(text(x), 2).stream()
                    .filter(match -> match.closeness() >= settings.lawCloseness()) // NaN (words only) never passes
                    .map(LawArticleMatch::article)
                    .toList();
        } catch (RuntimeException e) {
            // the exception's message may quote the citizen's text: the class is enough at ERROR
            log.error("Law-article search failed ({}); replying without articles", e.getClass().getName());
            log.debug("Law-article search failure", e);
            return Optional.empty();
        }
        if (close.isEmpty()) {
            return Optional.empty();
        }
        List<ReplyTexts.CitedArticle> shown = close.stream()
                .map(article -> new ReplyTexts.CitedArticle(article.reference(), Optional.of(article.text())))
                .toList();
        return Optional.of(new Reply.Law(ReplyTexts.groundedInLaw(shown), to, close.stream().map(LawArticle::reference).toList()));
    }

    /** While waiting for a person, a miss says the lawyer will answer it: no need to offer one. */
    void admitMissWhileWaiting(Exchange x, DialogState to) {
        boolean failed = question(x).verdict() instanceof SearchVerdict.Failed;
        int misses = failed ? x.before.consecutiveMisses() : x.before.consecutiveMisses() + 1;
        String text = failed ? ReplyTexts.SEARCH_FAILED : ReplyTexts.NO_ANSWER_WHILE_QUEUED;
        x.decide(closed(x, new Reply.NoAnswer(text, to)), x.next(to).misses(misses).snapshot());
    }

    void answerPick(Exchange x, DialogState to) {
        Reply.Choice choice = x.before.offered().get(((Cue.Pick) x.cue).number() - 1);
        Optional<FaqEntry> entry = find(choice.entryId());
        Reply reply = entry.<Reply>map(found -> answerOf(found, choice.score(), to))
                .orElseGet(() -> new Reply.NoAnswer(ReplyTexts.ENTRY_GONE, to));
        Exchange.Next next = x.next(to);
        entry.ifPresent(found -> next.slot(LAST_ANSWER, found.id()));
        x.decide(whileWaiting(x, to, reply), next.snapshot());
    }

    /**
     * 查看法条: the articles the last answer cited, in full. Not a question and not a miss, and
     * nothing pending changes: choices offered can still be picked, the misses stay counted.
     */
    void showArticles(Exchange x, DialogState to) {
        Exchange.Next next = x.next(to).offered(x.before.offered()).misses(x.before.consecutiveMisses());
        Optional<String> entryId = x.before.slot(LAST_ANSWER);
        Reply.Articles reply;
        if (entryId.isEmpty()) {
            reply = new Reply.Articles(ReplyTexts.NOTHING_ANSWERED_YET, to, Optional.empty(), List.of());
        } else {
            Optional<FaqEntry> entry = find(entryId.get());
            if (entry.isEmpty()) {
                // removed or renamed since it answered: nothing to go back to
                next.withoutSlot(LAST_ANSWER);
                reply = new Reply.Articles(ReplyTexts.ENTRY_GONE, to, Optional.empty(), List.of());
            } else {
                List<LawReference> cited = entry.get().lawRefs();
                reply = new Reply.Articles(articlesText(cited), to, entryId, cited);
            }
        }
        x.decide(whileWaiting(x, to, reply), next.snapshot());
    }

    private String articlesText(List<LawReference> cited) {
        if (cited.isEmpty()) {
            return ReplyTexts.NO_ARTICLES_CITED;
        }
        if (articles.isEmpty()) {
            return ReplyTexts.articlesUnavailable(cited);
        }
        List<ReplyTexts.CitedArticle> found = new ArrayList<>();
        try {
            for (LawReference reference : cited) {
                found.add(new ReplyTexts.CitedArticle(reference, articles.get().find(reference).map(LawArticle::text)));
            }
        } catch (RuntimeException e) {
            log.error("Law-article lookup failed ({}); replying that articles are unavailable", e.getClass().getName());
            log.debug("Law-article lookup failure", e);
            return ReplyTexts.articlesUnavailable(cited);
        }
        return ReplyTexts.articles(found);
    }

    /** A number that is not on the list: most likely a typo, so the choices stay. */
    void showChoicesAgain(Exchange x, DialogState to) {
        List<Reply.Choice> offered = x.before.offered();
        x.decide(new Reply.Choices(ReplyTexts.noSuchChoice(((Cue.Pick) x.cue).number(), offered), to, offered),
                x.next(to).offered(offered).misses(x.before.consecutiveMisses()).snapshot());
    }

    /** Not a question and not a miss: the count of misses in a row stays as it was. */
    void askInWords(Exchange x, DialogState to) {
        x.decide(new Reply.NoAnswer(ReplyTexts.ASK_IN_WORDS, to), x.next(to).misses(x.before.consecutiveMisses()).snapshot());
    }

    // ---- things the router alone understood ----

    void warnOfDanger(Exchange x, DialogState to) {
        List<Hotline> numbers = said(x).hotlines();
        x.decide(new Reply.Emergency(ReplyTexts.emergency(numbers), to, numbers.get(0).number()), x.next(to).snapshot());
    }

    /** Danger while a lawyer holds the chat: answered at once, and the lawyer sees what was written. */
    void warnOfDangerAndTellLawyer(Exchange x, DialogState to) {
        warnOfDanger(x, to);
        x.announce(new CitizenWroteToLawyer(EventId.next(), x.conversation(), x.citizen, messageId(x), x.before.lawyerId().orElse("?"), text(x), x.now));
    }

    void refer(Exchange x, DialogState to) {
        Hotline hotline = said(x).hotlines().get(0);
        x.decide(whileWaiting(x, to, new Reply.Referral(ReplyTexts.referral(hotline), to, hotline.number())), x.next(to).snapshot());
    }

    /** The offices of the district the message names, or the question which district (or where the citizen is). */
    void listOffices(Exchange x, DialogState to) {
        x.decide(whileWaiting(x, to, offices.forText(text(x), to)), x.next(to).snapshot());
    }

    /** A greeting, small talk, or a question announced but not asked yet, which the bot asks for. */
    void greet(Exchange x, DialogState to) {
        Utterance.GreetingKind kind = said(x).greeting();
        Reply reply = kind == Utterance.GreetingKind.WANTS_TO_ASK
                ? new Reply.Prompt(ReplyTexts.greeting(kind), to)
                : new Reply.Greeting(ReplyTexts.greeting(kind), to);
        x.decide(whileWaiting(x, to, reply), x.next(to).snapshot());
    }

    // ---- a person ----

    void requestEscalation(Exchange x, DialogState to) {
        x.decide(new Reply.Handoff(ReplyTexts.handoff(settings.expectedWait()), to), x.next(to).snapshot());
        x.announce(new EscalationRequested(EventId.next(), x.conversation(), x.citizen, EscalationRequested.Reason.ASKED_FOR_PERSON, x.now));
    }

    void remindQueued(Exchange x, DialogState to) {
        x.decide(new Reply.Handoff(ReplyTexts.alreadyQueued(remainingWait(x)), to), x.next(to).snapshot());
    }

    void remindCallback(Exchange x, DialogState to) {
        String text = x.before.slot(PHONE).flatMap(MobileNumber::parse).map(ReplyTexts::callbackPending)
                .orElse(ReplyTexts.ALREADY_QUEUED);
        x.decide(new Reply.Handoff(text, to), x.next(to).snapshot());
    }

    void leaveQueue(Exchange x, DialogState to) {
        x.decide(new Reply.Greeting(ReplyTexts.LEFT_QUEUE, to), x.next(to).snapshot());
        x.announce(new EscalationCancelled(EventId.next(), x.conversation(), x.citizen, x.now));
    }

    void cancelCallback(Exchange x, DialogState to) {
        x.decide(new Reply.Greeting(ReplyTexts.CALLBACK_CANCELLED, to), x.next(to).snapshot());
        x.announce(new EscalationCancelled(EventId.next(), x.conversation(), x.citizen, x.now));
    }

    void dropChoices(Exchange x, DialogState to) {
        x.decide(new Reply.Greeting(ReplyTexts.CHOICES_DROPPED, to), x.next(to).snapshot());
    }

    void nothingToCancel(Exchange x, DialogState to) {
        x.decide(new Reply.Greeting(ReplyTexts.NOTHING_TO_CANCEL, to), x.next(to).snapshot());
    }

    void announceLawyer(Exchange x, DialogState to) {
        x.decide(new Reply.Handoff(ReplyTexts.LAWYER_JOINED, to), x.next(to).lawyer(((Cue.LawyerClaimed) x.cue).lawyerId()).snapshot());
    }

    void announceTransfer(Exchange x, DialogState to) {
        x.decide(new Reply.Handoff(ReplyTexts.LAWYER_CHANGED, to), x.next(to).lawyer(((Cue.LawyerClaimed) x.cue).lawyerId()).snapshot());
    }

    void relayToLawyer(Exchange x, DialogState to) {
        x.decide(new Reply.Relayed(to), x.next(to).snapshot());
        x.announce(new CitizenWroteToLawyer(EventId.next(), x.conversation(), x.citizen, messageId(x), x.before.lawyerId().orElse("?"), text(x), x.now));
    }

    void closeConsultation(Exchange x, DialogState to) {
        x.decide(new Reply.RatingRequest(ReplyTexts.CONSULTATION_CLOSED, to), x.next(to).snapshot());
        x.announce(new ConversationClosed(EventId.next(), x.conversation(), x.citizen, x.before.lawyerId().orElse("?"), x.now));
    }

    // ---- the callback number ----

    void askForPhone(Exchange x, DialogState to) {
        x.decide(new Reply.Prompt(ReplyTexts.ASK_PHONE, to), x.next(to).snapshot());
    }

    void askForPhoneAgain(Exchange x, DialogState to) {
        String text = ReplyTexts.PHONE_STILL_NEEDED;
        if (x.cue instanceof Cue.PhoneGiven given) {
            if (given.answer() instanceof Cue.PhoneAnswer.Denied) {
                text = ReplyTexts.PHONE_AGAIN;
            } else if (given.answer() instanceof Cue.PhoneAnswer.Invalid invalid) {
                text = switch (invalid.why()) {
                    case HAS_LETTERS -> ReplyTexts.PHONE_HAS_LETTERS;
                    case WRONG_LENGTH -> ReplyTexts.PHONE_WRONG_LENGTH;
                    case NOT_MOBILE -> ReplyTexts.PHONE_NOT_MOBILE;
                    case NOTHING_TO_CONFIRM -> ReplyTexts.PHONE_STILL_NEEDED;
                };
            }
        }
        x.decide(new Reply.Prompt(text, to), x.next(to).withoutSlot(PHONE).snapshot());
    }

    void readBackPhone(Exchange x, DialogState to) {
        MobileNumber phone = ((Cue.PhoneAnswer.Number) ((Cue.PhoneGiven) x.cue).answer()).phone();
        x.decide(new Reply.Prompt(ReplyTexts.readBack(phone), to), x.next(to).slot(PHONE, phone.digits()).snapshot());
    }

    void scheduleCallback(Exchange x, DialogState to) {
        MobileNumber phone = x.before.slot(PHONE).flatMap(MobileNumber::parse)
                .orElseThrow(() -> new IllegalStateException("No callback number to confirm"));
        callback(x, to, phone);
    }

    /** SMS: the citizen writes from the number to call back. */
    void scheduleCallbackToChannelNumber(Exchange x, DialogState to) {
        callback(x, to, DialogMachine.channelNumber(x.citizen).orElseThrow());
    }

    private void callback(Exchange x, DialogState to, MobileNumber phone) {
        x.decide(new Reply.Handoff(ReplyTexts.callbackScheduled(phone, settings.callbackWithin()), to),
                x.next(to).slot(PHONE, phone.digits()).snapshot());
        x.announce(new CallbackNumberConfirmed(EventId.next(), x.conversation(), x.citizen, phone, x.now));
    }

    // ---- the legal-aid pre-check ----

    void startCheck(Exchange x, DialogState to) {
        x.decide(new Reply.Prompt(ReplyTexts.eligibilityStart(check.settings()), to), x.next(to).snapshot());
    }

    void explainLegalAidWhileWaiting(Exchange x, DialogState to) {
        x.decide(whileWaiting(x, to, new Reply.Greeting(ReplyTexts.LEGAL_AID_WHILE_WAITING, to)), x.next(to).snapshot());
    }

    void askNextFact(Exchange x, DialogState to) {
        EligibilityCheck.Answer.Valid valid = (EligibilityCheck.Answer.Valid) fact(x);
        Exchange.Next next = x.next(to).slot(valid.step().slot, valid.value());
        ConversationSnapshot snapshot = next.snapshot();
        EligibilityCheck.Step step = check.current(snapshot).orElseThrow();
        x.decide(new Reply.Prompt(ReplyTexts.eligibilityQuestion(step, check.settings()), to), snapshot);
    }

    void askFactAgain(Exchange x, DialogState to) {
        EligibilityCheck.Answer.Invalid invalid = (EligibilityCheck.Answer.Invalid) fact(x);
        x.decide(new Reply.Prompt(ReplyTexts.eligibilityRetry(invalid, check.settings()), to), x.next(to).snapshot());
    }

    void assess(Exchange x, DialogState to) {
        EligibilityCheck.Answer.Valid valid = (EligibilityCheck.Answer.Valid) fact(x);
        Map<String, String> slots = new HashMap<>(x.before.slots());
        slots.put(valid.step().slot, valid.value());
        EligibilityCheck.Assessment assessment = check.assess(slots);
        x.decide(new Reply.Assessment(ReplyTexts.assessment(assessment, check.settings()), to, assessment.likelyEligible()),
                x.next(to).snapshot());
    }

    void dropCheck(Exchange x, DialogState to) {
        x.decide(new Reply.Greeting(ReplyTexts.CHECK_DROPPED, to), x.next(to).snapshot());
    }

    // ---- time ----

    /** Idle: back to the bot, saying nothing (the citizen is not there to read it). */
    void forget(Exchange x, DialogState to) {
        x.decide(null, x.next(to).snapshot());
    }

    /** Idle while a person was still to be found: handoff takes the chat off its lists. */
    void forgetAndLeaveQueue(Exchange x, DialogState to) {
        forget(x, to);
        x.announce(new EscalationCancelled(EventId.next(), x.conversation(), x.citizen, x.now));
    }

    // ---- helpers ----

    /** While queued, every answer also says the citizen is still waiting, and roughly how long. */
    private Reply whileWaiting(Exchange x, DialogState to, Reply reply) {
        if (to != DialogState.QUEUED) {
            return reply;
        }
        return withText(reply, ReplyTexts.stillWaiting(reply.text(), remainingWait(x)));
    }

    /** The reply to a question, closed with the hotlines the question's cue asks for (none, mostly). */
    private static Reply closed(Exchange x, Reply reply) {
        List<Hotline> care = question(x).care();
        return care.isEmpty() ? reply : withText(reply, ReplyTexts.closedWith(reply.text(), care));
    }

    /** The same reply with another text; a reply whose text is not the bot's own (relayed, handed off) stays. */
    private static Reply withText(Reply reply, String text) {
        if (reply instanceof Reply.Answer answer) {
            return new Reply.Answer(text, answer.state(), answer.entry(), answer.matchScore(), answer.lawRefs());
        }
        if (reply instanceof Reply.Choices offered) {
            return new Reply.Choices(text, offered.state(), offered.choices());
        }
        if (reply instanceof Reply.Law law) {
            return new Reply.Law(text, law.state(), law.lawRefs());
        }
        if (reply instanceof Reply.Articles shown) {
            return new Reply.Articles(text, shown.state(), shown.entry(), shown.lawRefs());
        }
        if (reply instanceof Reply.Referral referral) {
            return new Reply.Referral(text, referral.state(), referral.hotline());
        }
        if (reply instanceof Reply.Greeting) {
            return new Reply.Greeting(text, reply.state());
        }
        if (reply instanceof Reply.NoAnswer) {
            return new Reply.NoAnswer(text, reply.state());
        }
        if (reply instanceof Reply.Prompt) {
            return new Reply.Prompt(text, reply.state());
        }
        if (reply instanceof Reply.Offices listed) {
            return new Reply.Offices(text, listed.state(), listed.offices());
        }
        return reply;
    }

    private Duration remainingWait(Exchange x) {
        Duration waited = Duration.between(x.before.stateSince(), x.now);
        return settings.expectedWait().minus(waited);
    }

    private static Reply.Answer answerOf(FaqEntry entry, double score, DialogState state) {
        return new Reply.Answer(ReplyTexts.answer(entry), state, entry.id(), score, entry.lawRefs());
    }

    private Optional<FaqEntry> find(String entryId) {
        try {
            return faqs.find(entryId);
        } catch (RuntimeException e) {
            log.error("Knowledge-base lookup of entry {} failed ({})", entryId, e.getClass().getName());
            log.debug("Knowledge-base lookup failure", e);
            return Optional.empty();
        }
    }

    private static Cue.Question question(Exchange x) {
        return (Cue.Question) x.cue;
    }

    private static Utterance said(Exchange x) {
        return ((Cue.Said) x.cue).utterance();
    }

    private static EligibilityCheck.Answer fact(Exchange x) {
        return ((Cue.FactGiven) x.cue).answer();
    }

    private static String messageId(Exchange x) {
        return x.message.map(InboundMessage::messageId).orElse("");
    }

    private static String text(Exchange x) {
        return x.message.map(InboundMessage::text).orElse("");
    }
}
