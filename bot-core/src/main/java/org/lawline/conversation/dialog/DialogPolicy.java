package org.lawline.conversation.dialog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lawline.conversation.ConversationSnapshot;
import org.lawline.conversation.DialogSettings;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.Reply;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqMatch;
import org.lawline.knowledge.FaqSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to say and where the conversation goes next, from the saved state and the citizen's
 * message. No I/O besides asking the knowledge base; thread safe.
 *
 * <p>All transitions are in {@link #decide}: one row per {@link Intent}, the state deciding
 * within the row. When the dialog moves onto Spring StateMachine, the rows become its
 * transitions and the helper methods its actions.
 */
final class DialogPolicy {

    private static final Logger log = LoggerFactory.getLogger(DialogPolicy.class);

    /** A duty lawyer (or the 12348 callback flow) holds the chat: the bot stays silent. */
    private static final Set<DialogState> PEOPLE_HOLD = EnumSet.of(DialogState.WITH_LAWYER, DialogState.COLLECTING_PHONE);
    /** Waiting for a person: the bot still answers, and the conversation stays waiting. */
    private static final Set<DialogState> WAITING = EnumSet.of(DialogState.QUEUED, DialogState.CALLBACK);

    private final Router router;
    private final FaqSearch faqs;
    private final DialogSettings settings;

    DialogPolicy(Router router, FaqSearch faqs, DialogSettings settings) {
        this.router = Objects.requireNonNull(router, "router");
        this.faqs = Objects.requireNonNull(faqs, "faqs");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The turn for one message. Never throws for any text. */
    Turn decide(ConversationSnapshot saved, String text, Instant now) {
        ConversationSnapshot current = resume(saved, now);
        Utterance said = router.classify(text);
        DialogState state = current.state();
        if (PEOPLE_HOLD.contains(state) && said.intent() != Intent.EMERGENCY) {
            return new Turn(new Reply.Handoff("", state), touched(current, now), Turn.Effect.NONE, true);
        }
        // The transition table. Danger comes first in every state; only a pick keeps the offered choices.
        return switch (said.intent()) {
            case EMERGENCY -> say(new Reply.Emergency(ReplyTexts.emergency(said.hotlines()), home(current),
                    said.hotlines().get(0).number()), now);
            case ASK_FOR_PERSON -> WAITING.contains(state)
                    ? say(new Reply.Handoff(ReplyTexts.ALREADY_QUEUED, state), now)
                    : new Turn(new Reply.Handoff(ReplyTexts.HANDOFF, DialogState.QUEUED),
                            settled(DialogState.QUEUED, now), Turn.Effect.REQUEST_ESCALATION, false);
            case CANCEL -> {
                if (WAITING.contains(state)) {
                    yield new Turn(new Reply.Greeting(ReplyTexts.LEFT_QUEUE, DialogState.BOT),
                            settled(DialogState.BOT, now), Turn.Effect.CANCEL_ESCALATION, false);
                }
                yield say(new Reply.Greeting(current.hasOffers() ? ReplyTexts.CHOICES_DROPPED : ReplyTexts.NOTHING_TO_CANCEL,
                        home(current)), now);
            }
            case PICK -> current.hasOffers() ? pick(current, said.pick(), now) : askInWords(current, now);
            case REFERRAL -> say(new Reply.Referral(ReplyTexts.referral(said.hotlines().get(0)), home(current),
                    said.hotlines().get(0).number()), now);
            case GREETING -> say(new Reply.Greeting(ReplyTexts.greeting(said.greeting()), home(current)), now);
            case WORDLESS -> askInWords(current, now);
            case QUESTION -> search(current, text, now);
        };
    }

    /**
     * The saved state as the dialog sees it now: a closed conversation starts afresh, and choices
     * offered too long ago can no longer be picked by number.
     */
    ConversationSnapshot resume(ConversationSnapshot saved, Instant now) {
        if (saved.state() == DialogState.CLOSED) {
            return ConversationSnapshot.fresh(now);
        }
        if (saved.hasOffers() && saved.updatedAt().plus(settings.choicesExpireAfter()).isBefore(now)) {
            DialogState state = saved.state() == DialogState.CLARIFYING ? DialogState.BOT : saved.state();
            return new ConversationSnapshot(state, List.of(), saved.consecutiveMisses(), saved.updatedAt());
        }
        return saved;
    }

    private Turn pick(ConversationSnapshot current, int number, Instant now) {
        List<Reply.Choice> offered = current.offered();
        if (number > offered.size()) {
            // keep the choices: the citizen most likely mistyped
            return Turn.of(new Reply.Choices(ReplyTexts.noSuchChoice(number, offered), current.state(), offered),
                    touched(current, now));
        }
        Reply.Choice choice = offered.get(number - 1);
        Optional<FaqEntry> entry = find(choice.entryId());
        if (entry.isEmpty()) {
            return say(new Reply.NoAnswer(ReplyTexts.ENTRY_GONE, home(current)), now);
        }
        return say(answer(entry.get(), choice.score(), home(current)), now);
    }

    private Turn search(ConversationSnapshot current, String text, Instant now) {
        String question = text.strip();
        if (question.length() > settings.maxQuestionLength()) {
            question = question.substring(0, settings.maxQuestionLength());
        }
        List<FaqMatch> matches;
        try {
            // one more than we offer: choices are only close if we can see what comes after them
            matches = faqs.search(question, settings.maxChoices() + 1);
        } catch (RuntimeException e) {
            // the exception's message may quote the citizen's text: the class is enough at ERROR
            log.error("Knowledge-base search failed ({}); replying without an answer", e.getClass().getName());
            log.debug("Knowledge-base search failure", e);
            return say(new Reply.NoAnswer(ReplyTexts.SEARCH_FAILED, home(current)), now);
        }
        SearchVerdict verdict = SearchVerdict.of(matches == null ? List.of() : matches, settings);
        if (verdict instanceof SearchVerdict.Clear clear) {
            FaqMatch match = clear.match();
            return say(answer(match.entry(), match.score(), home(current)), now);
        }
        if (verdict instanceof SearchVerdict.Close close) {
            List<Reply.Choice> choices = new ArrayList<>();
            for (FaqMatch match : close.matches()) {
                choices.add(new Reply.Choice(choices.size() + 1, match.entry().id(), match.entry().question(), match.score()));
            }
            DialogState next = WAITING.contains(current.state()) ? current.state() : DialogState.CLARIFYING;
            return Turn.of(new Reply.Choices(ReplyTexts.choices(choices), next, choices),
                    new ConversationSnapshot(next, choices, 0, now));
        }
        return miss(current, now);
    }

    private Turn miss(ConversationSnapshot current, Instant now) {
        int misses = current.consecutiveMisses() + 1;
        DialogState state = home(current);
        String text;
        if (WAITING.contains(state)) {
            text = ReplyTexts.NO_ANSWER_WHILE_QUEUED;
        } else {
            text = misses >= 2 ? ReplyTexts.NO_ANSWER_AGAIN : ReplyTexts.NO_ANSWER;
        }
        return Turn.of(new Reply.NoAnswer(text, state), new ConversationSnapshot(state, List.of(), misses, now));
    }

    /** Not a question and not a miss: the count of misses in a row stays as it was. */
    private Turn askInWords(ConversationSnapshot current, Instant now) {
        DialogState state = home(current);
        return Turn.of(new Reply.NoAnswer(ReplyTexts.ASK_IN_WORDS, state),
                new ConversationSnapshot(state, List.of(), current.consecutiveMisses(), now));
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

    private static Reply.Answer answer(FaqEntry entry, double score, DialogState state) {
        return new Reply.Answer(ReplyTexts.answer(entry), state, entry.id(), score, entry.lawRefs());
    }

    /** A reply that settles the conversation in the reply's state: no choices pending, no misses counted. */
    private static Turn say(Reply reply, Instant now) {
        return Turn.of(reply, settled(reply.state(), now));
    }

    private static ConversationSnapshot settled(DialogState state, Instant now) {
        return new ConversationSnapshot(state, List.of(), 0, now);
    }

    private static ConversationSnapshot touched(ConversationSnapshot current, Instant now) {
        return new ConversationSnapshot(current.state(), current.offered(), current.consecutiveMisses(), now);
    }

    /** Where the conversation rests once pending choices are dropped: still waiting if it was, else with the bot. */
    private static DialogState home(ConversationSnapshot current) {
        DialogState state = current.state();
        return WAITING.contains(state) || PEOPLE_HOLD.contains(state) ? state : DialogState.BOT;
    }
}
