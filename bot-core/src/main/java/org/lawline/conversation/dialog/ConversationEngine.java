package org.lawline.conversation.dialog;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationSnapshot;
import org.lawline.conversation.ConversationStore;
import org.lawline.conversation.Conversations;
import org.lawline.conversation.DialogSettings;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.EscalationCancelled;
import org.lawline.conversation.EscalationRequested;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.Reply;
import org.lawline.conversation.ReplyComposed;
import org.lawline.knowledge.FaqSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The conversation engine: for each message, loads the conversation's state, lets the dialog
 * policy decide, saves the new state, and publishes the reply as {@link ReplyComposed}
 * ({@code inReplyTo} = the message id), then {@link EscalationRequested} or
 * {@link EscalationCancelled} when the citizen joined or left the queue for a duty lawyer.
 *
 * <p>Messages of one conversation are handled one at a time, in arrival order, within this JVM;
 * events are published on the calling thread while that order holds. Different conversations
 * proceed in parallel.
 *
 * <p>Failure: a store that cannot be reached does not stop the citizen from getting an answer;
 * the turn is decided as if the conversation were new, and the state is not saved (logged at
 * WARN). A failing event listener is logged at ERROR and does not change the reply. While a duty
 * lawyer holds the chat ({@link DialogState#WITH_LAWYER}, {@link DialogState#COLLECTING_PHONE})
 * the bot stays silent: the returned {@link Reply.Handoff} has empty text and no
 * {@link ReplyComposed} is published — except for emergencies, which are always answered.
 */
public final class ConversationEngine implements Conversations {

    private static final Logger log = LoggerFactory.getLogger(ConversationEngine.class);

    private final DialogPolicy policy;
    private final ConversationStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final StripedLocks locks = new StripedLocks(256);

    public ConversationEngine(FaqSearch faqs, ConversationStore store, ApplicationEventPublisher events,
                              DialogSettings settings, Clock clock) {
        this.policy = new DialogPolicy(new Router(), faqs, settings);
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Reply handle(InboundMessage message) {
        Objects.requireNonNull(message, "message");
        ChannelIdentity citizen = message.from();
        Lock lock = locks.of(citizen.key());
        lock.lock();
        try {
            Instant now = clock.instant();
            ConversationSnapshot before = load(citizen).orElseGet(() -> ConversationSnapshot.fresh(now));
            Turn turn = decide(before, message, now);
            save(citizen, turn.next());
            if (!turn.silent()) {
                publish(new ReplyComposed(citizen, Optional.of(message.messageId()), turn.reply(), now), message);
            }
            switch (turn.effect()) {
                case REQUEST_ESCALATION -> publish(
                        new EscalationRequested(citizen, EscalationRequested.Reason.ASKED_FOR_PERSON, now), message);
                case CANCEL_ESCALATION -> publish(new EscalationCancelled(citizen, now), message);
                case NONE -> { }
            }
            log.debug("Message {} from {}: {} -> {} ({})", message.messageId(), citizen, before.state(),
                    turn.next().state(), turn.reply().kind());
            return turn.reply();
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws org.lawline.conversation.ConversationStoreUnavailable when the store cannot be reached
     */
    @Override
    public DialogState stateOf(ChannelIdentity citizen) {
        Instant now = clock.instant();
        return store.load(citizen).map(saved -> policy.resume(saved, now).state()).orElse(DialogState.BOT);
    }

    /** The policy's turn; should the policy ever fail, an apology that leaves the state as it was. */
    private Turn decide(ConversationSnapshot before, InboundMessage message, Instant now) {
        try {
            return policy.decide(before, message.text(), now);
        } catch (RuntimeException e) {
            // a bug, not the citizen's fault: Conversations promises a reply for any text
            log.error("Dialog policy failed on message {} from {}", message.messageId(), message.from(), e);
            return Turn.of(new Reply.NoAnswer(ReplyTexts.SEARCH_FAILED, before.state()), before);
        }
    }

    private Optional<ConversationSnapshot> load(ChannelIdentity citizen) {
        try {
            return store.load(citizen);
        } catch (RuntimeException e) {
            log.warn("Conversation state of {} unavailable; answering as a new conversation: {}", citizen, e.toString());
            return Optional.empty();
        }
    }

    private void save(ChannelIdentity citizen, ConversationSnapshot snapshot) {
        try {
            store.save(citizen, snapshot);
        } catch (RuntimeException e) {
            log.warn("Conversation state of {} not saved: {}", citizen, e.toString());
        }
    }

    private void publish(Object event, InboundMessage message) {
        try {
            events.publishEvent(event);
        } catch (RuntimeException e) {
            log.error("A listener of {} failed for message {} from {}", event.getClass().getSimpleName(),
                    message.messageId(), message.from(), e);
        }
    }
}
