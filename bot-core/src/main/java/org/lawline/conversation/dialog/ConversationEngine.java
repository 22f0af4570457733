package org.lawline.conversation.dialog;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationEvent;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.ConversationSnapshot;
import org.lawline.conversation.ConversationStore;
import org.lawline.conversation.ConversationStoreUnavailable;
import org.lawline.conversation.Conversations;
import org.lawline.conversation.DialogSettings;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.EventId;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.LegalAidSettings;
import org.lawline.conversation.Reply;
import org.lawline.conversation.ReplyComposed;
import org.lawline.conversation.state.ConversationTurns;
import org.lawline.conversation.state.StoreTurns;
import org.lawline.conversation.transcript.TurnRecord;
import org.lawline.conversation.transcript.Transcripts;
import org.lawline.knowledge.BundledKnowledge;
import org.lawline.knowledge.FaqSearch;
import org.lawline.knowledge.TextClassifiers;
import org.lawline.knowledge.LawArticles;
import org.lawline.knowledge.SearchableEntriesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

/**
 * The conversation engine: for each message, takes the conversation's turn (its saved state, and
 * the right to save it), lets the dialog policy decide, saves the new state, and then publishes
 * the reply as {@link ReplyComposed} ({@code inReplyTo} = the message id) followed by the
 * transition's events ({@code EscalationRequested}, {@code EscalationCancelled},
 * {@code CitizenWroteToLawyer}, {@code CallbackNumberConfirmed}, {@code ConversationClosed}).
 * Handoff's commands ({@link #lawyerClaimed}, {@link #lawyerClosed}, {@link #pickupTimedOut})
 * take the same turn, so they fall in line with the citizen's messages. Every turn — the
 * citizen's text, and the bot's reply with its entry, score and latency — goes to the
 * {@link Transcripts}, which store it off this path.
 *
 * <p>Order: messages of one conversation are handled one at a time, in arrival order within this
 * JVM (a fair lock per conversation stripe), and one at a time across instances (the
 * {@link ConversationTurns} of a shared store). Different conversations proceed in parallel.
 * Events are published after the state is saved and the turn released, on the calling thread, so
 * a listener may call a command back.
 *
 * <p>Failure: a store that cannot be reached (or a turn that does not come within its wait) does
 * not stop the citizen from getting an answer: the turn is decided as if the conversation were
 * new, and its state is not saved (logged at WARN). Events leave through the publisher it is
 * given: in the application, the event journal ({@code JournaledEvents}), which retries a failing
 * listener until it succeeds; a publisher that throws here is logged at ERROR and does not change
 * the reply. Commands, which handoff can retry, fail with
 * {@link ConversationStoreUnavailable} instead.
 */
public final class ConversationEngine implements Conversations, ApplicationListener<PayloadApplicationEvent<SearchableEntriesChanged>> {

    private static final Logger log = LoggerFactory.getLogger(ConversationEngine.class);

    private final DialogPolicy policy;
    private final ConversationStore store;
    private final ConversationTurns turns;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Transcripts transcripts;
    private final StripedLocks locks = new StripedLocks(256);
    private final Understanding understanding;

    /** An engine over a store only this process uses (the in-process default), with the default pre-check. */
    public ConversationEngine(FaqSearch faqs, ConversationStore store, ApplicationEventPublisher events,
                              DialogSettings settings, Clock clock) {
        this(faqs, store, new StoreTurns(store), events, settings, LegalAidSettings.defaults(), clock, Transcripts.NONE);
    }

    /** An engine without law articles: 查看法条 says they cannot be shown. */
    public ConversationEngine(FaqSearch faqs, ConversationStore store, ConversationTurns turns, ApplicationEventPublisher events,
                              DialogSettings settings, LegalAidSettings legalAid, Clock clock, Transcripts transcripts) {
        this(faqs, Optional.empty(), store, turns, events, settings, legalAid, clock, transcripts);
    }

    /**
     * @param articles    the law articles a citizen reads with 查看法条; empty where there are none,
     *                    and 查看法条 then says they cannot be shown
     * @param store       read directly by {@link #stateOf}
     * @param turns       how turns are taken on {@code store}: {@link StoreTurns} for a store of this
     *                    process only, a Redis lease when instances share it
     * @param transcripts where every turn is left for storing (what the citizen wrote, what the bot said)
     */
    public ConversationEngine(FaqSearch faqs, Optional<LawArticles> articles, ConversationStore store, ConversationTurns turns,
                              ApplicationEventPublisher events, DialogSettings settings, LegalAidSettings legalAid, Clock clock,
                              Transcripts transcripts) {
        this(faqs, articles, Optional.empty(), store, turns, events, settings, legalAid, clock, transcripts);
    }

    /**
     * @param classifiers trains the recogniser of what a message means (danger, a request for a
     *                    person, a referral …) beyond the keyword rules, here on the bundled entries
     *                    and again when the searchable entries change; empty, the keyword rules
     *                    alone decide
     */
    public ConversationEngine(FaqSearch faqs, Optional<LawArticles> articles, Optional<TextClassifiers> classifiers,
                              ConversationStore store, ConversationTurns turns, ApplicationEventPublisher events,
                              DialogSettings settings, LegalAidSettings legalAid, Clock clock, Transcripts transcripts) {
        this(faqs, articles, new Understanding(classifiers, trainingThread(), BundledKnowledge.faqEntries()),
                store, turns, events, settings, legalAid, clock, transcripts);
    }

    /** An engine whose recogniser is trained already, so that a test sees whole turns by meaning at once. */
    ConversationEngine(FaqSearch faqs, Optional<LawArticles> articles, MeaningRecogniser recogniser, ConversationStore store,
                       ConversationTurns turns, ApplicationEventPublisher events, DialogSettings settings,
                       LegalAidSettings legalAid, Clock clock, Transcripts transcripts) {
        this(faqs, articles, Understanding.trained(recogniser), store, turns, events, settings, legalAid, clock, transcripts);
    }

    private ConversationEngine(FaqSearch faqs, Optional<LawArticles> articles, Understanding understanding,
                               ConversationStore store, ConversationTurns turns, ApplicationEventPublisher events,
                               DialogSettings settings, LegalAidSettings legalAid, Clock clock, Transcripts transcripts) {
        this.understanding = understanding;
        this.policy = new DialogPolicy(new Router(), understanding::recogniser, faqs, articles, settings, legalAid);
        this.store = Objects.requireNonNull(store, "store");
        this.turns = Objects.requireNonNull(turns, "turns");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.transcripts = Objects.requireNonNull(transcripts, "transcripts");
    }

    /**
     * Training happens on a thread of its own, one training at a time: a start, or a command that
     * never converses (import, eval), does not wait seconds for it; until it is ready the keyword
     * rules decide. The thread ends when idle, and never holds the JVM open.
     */
    private static Executor trainingThread() {
        return new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "intent-recogniser");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The index was rebuilt: the recogniser learns the entries' questions as legal questions, in
     * the background, when they differ from those it knows (an import, an administrator's edit).
     * A listener by interface, not by annotation: the knowledge base announces its first index
     * while singletons are completed, before annotated listeners are registered.
     */
    @Override
    public void onApplicationEvent(PayloadApplicationEvent<SearchableEntriesChanged> event) {
        understanding.learn(event.getPayload().entries());
    }

    @Override
    public CompletionStage<Void> understandingReady() {
        return understanding.ready();
    }

    @Override
    public Reply handle(InboundMessage message) {
        Objects.requireNonNull(message, "message");
        long started = System.nanoTime();
        ChannelIdentity citizen = message.from();
        Lock lock = locks.of(citizen.key());
        lock.lock();
        try {
            Instant now = clock.instant();
            Turn turn;
            DialogState before;
            Optional<ConversationTurns.Held> held = take(citizen);
            try {
                ConversationSnapshot saved = held.flatMap(ConversationTurns.Held::saved).orElseGet(() -> ConversationSnapshot.fresh(now));
                before = saved.state();
                turn = policy.decide(citizen, saved, message, now, held.isPresent());
                held.ifPresent(h -> save(h, citizen, turn.next()));
            } finally {
                held.ifPresent(ConversationTurns.Held::close);
            }
            ConversationId conversation = turn.next().conversation();
            // recorded before the turn's events: a handoff's listeners show the duty lawyer the citizen's last
            // message and the bot's last match at once, read from these records
            record(TurnRecord.citizen(conversation, citizen, message.messageId(), message.text(), before, message.receivedAt()));
            if (!turn.silent()) {
                record(TurnRecord.bot(conversation, citizen, Optional.of(message.messageId()), turn.reply(), millisSince(started),
                        clock.instant()));
                publish(new ReplyComposed(EventId.next(), conversation, citizen, Optional.of(message.messageId()), turn.reply(), now));
            }
            turn.events().forEach(this::publish);
            log.debug("Message {} from {}: {} -> {} ({})", message.messageId(), citizen, before, turn.next().state(),
                    turn.reply().kind());
            return turn.reply();
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>When the store cannot be reached, the answer is {@link DialogState#BOT}: what the citizen
     * gets while the store is down (logged at WARN).
     */
    @Override
    public DialogState stateOf(ChannelIdentity citizen) {
        Instant now = clock.instant();
        try {
            return store.load(citizen).map(saved -> policy.stateNow(citizen, saved, now)).orElse(DialogState.BOT);
        } catch (ConversationStoreUnavailable e) {
            log.warn("Conversation state of {} unavailable; reporting BOT: {}", citizen, e.getMessage());
            return DialogState.BOT;
        }
    }

    @Override
    public Optional<Reply> lawyerClaimed(ChannelIdentity citizen, String lawyerId) {
        return command(citizen, new Cue.LawyerClaimed(lawyerId));
    }

    @Override
    public Optional<Reply> lawyerClosed(ChannelIdentity citizen) {
        return command(citizen, new Cue.Happened(DialogEvent.LAWYER_CLOSED));
    }

    @Override
    public Optional<Reply> pickupTimedOut(ChannelIdentity citizen) {
        return command(citizen, new Cue.Happened(DialogEvent.PICKUP_TIMEOUT));
    }

    /** The machine's transitions, for the diagram generator. */
    DialogMachine machine() {
        return policy.machine();
    }

    private Optional<Reply> command(ChannelIdentity citizen, Cue command) {
        Objects.requireNonNull(citizen, "citizen");
        long started = System.nanoTime();
        Lock lock = locks.of(citizen.key());
        lock.lock();
        try {
            Instant now = clock.instant();
            Optional<Turn> turn;
            try (ConversationTurns.Held held = turns.take(citizen)) {
                ConversationSnapshot saved = held.saved().orElseGet(() -> ConversationSnapshot.fresh(now));
                turn = policy.command(citizen, saved, command, now);
                if (turn.isPresent() && !held.saveAndRelease(turn.get().next())) {
                    throw new ConversationStoreUnavailable("The turn on conversation " + citizen + " was lost before "
                            + command.event() + " could be saved", null);
                }
            }
            if (turn.isEmpty()) {
                log.info("{} refused for {}: the conversation is not in a state that takes it", command.event(), citizen);
                return Optional.empty();
            }
            ConversationId conversation = turn.get().next().conversation();
            record(TurnRecord.bot(conversation, citizen, Optional.empty(), turn.get().reply(), millisSince(started), clock.instant()));
            publish(new ReplyComposed(EventId.next(), conversation, citizen, Optional.empty(), turn.get().reply(), now));
            turn.get().events().forEach(this::publish);
            log.info("{} for {}: now {}", command.event(), citizen, turn.get().next().state());
            return Optional.of(turn.get().reply());
        } finally {
            lock.unlock();
        }
    }

    private Optional<ConversationTurns.Held> take(ChannelIdentity citizen) {
        try {
            return Optional.of(turns.take(citizen));
        } catch (RuntimeException e) {
            log.warn("Conversation state of {} unavailable; answering as a new conversation: {}", citizen, e.toString());
            return Optional.empty();
        }
    }

    private static void save(ConversationTurns.Held held, ChannelIdentity citizen, ConversationSnapshot snapshot) {
        try {
            if (!held.saveAndRelease(snapshot)) {
                log.warn("Conversation state of {} not saved: the turn outlived its lease", citizen);
            }
        } catch (RuntimeException e) {
            log.warn("Conversation state of {} not saved: {}", citizen, e.toString());
        }
    }

    private void record(TurnRecord turn) {
        try {
            transcripts.record(turn);
        } catch (RuntimeException e) {
            log.error("Turn of {} not recorded: {}", turn.citizen(), e.toString());
        }
    }

    private static int millisSince(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }

    private void publish(ConversationEvent event) {
        try {
            events.publishEvent(event);
        } catch (RuntimeException e) {
            log.error("A listener of {} {} failed for {}", event.getClass().getSimpleName(), event.id(), event.citizen(), e);
        }
    }
}
