package org.lawline.handoff.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.lawline.conversation.ConversationStoreUnavailable;
import org.lawline.conversation.Conversations;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.Reply;
import org.lawline.conversation.EventId;
import org.lawline.conversation.ReplyComposed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * What a duty lawyer does with a chat: claim, reply, transfer, close. Each step checks on the
 * escalation row that the lawyer may take it, then tells the conversation engine, whose reply
 * (and the lawyer's own words) leave through {@link ReplyComposed}, the one path to citizens.
 */
public class DutyDesk {

    private static final Logger log = LoggerFactory.getLogger(DutyDesk.class);

    private final Escalations escalations;
    private final LawyerMessages messages;
    private final PickupTimers timers;
    private final Conversations conversations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public DutyDesk(Escalations escalations, LawyerMessages messages, PickupTimers timers, Conversations conversations,
                    ApplicationEventPublisher events, Clock clock) {
        this.escalations = escalations;
        this.messages = messages;
        this.timers = timers;
        this.conversations = conversations;
        this.events = events;
        this.clock = clock;
    }

    /** Takes the chat for {@code lawyer}: one compare-and-set decides between lawyers and against the timer. */
    public ClaimResult claim(long escalationId, String lawyer) {
        Instant now = clock.instant();
        ClaimResult result = escalations.claim(escalationId, lawyer, now);
        if (result instanceof ClaimResult.Claimed claimed) {
            timers.cancel(escalationId);
            tellEngine(() -> conversations.lawyerClaimed(claimed.escalation().citizen(), lawyer), escalationId);
            events.publishEvent(new EscalationClaimed(escalationId, lawyer, claimed.afterTimeout(), now));
            events.publishEvent(new EscalationChanged(escalationId));
            log.info("Escalation {} claimed by {}{}", escalationId, lawyer, claimed.afterTimeout() ? " after its timeout" : "");
        }
        return result;
    }

    /** The outcome of a lawyer's write. */
    public enum Outcome { DONE, NOT_YOURS, NOT_FOUND }

    /**
     * What became of a lawyer's reply at the desk.
     *
     * @param replyId the reply's id when it left ({@link Outcome#DONE}): its delivery is the channels' to tell
     */
    public record Replied(Outcome outcome, Optional<EventId> replyId) {
    }

    /** Sends the lawyer's words to the citizen on their channel. */
    public Replied reply(long escalationId, String lawyer, String text) {
        Optional<Escalation> held = heldBy(escalationId, lawyer);
        if (held.isEmpty()) {
            return new Replied(escalations.find(escalationId).isPresent() ? Outcome.NOT_YOURS : Outcome.NOT_FOUND, Optional.empty());
        }
        Instant now = clock.instant();
        EventId replyId = EventId.next();
        messages.add(new LawyerMessage(escalationId, lawyer, text, now, Optional.of(replyId)));
        // the lawyer speaks in the chat the engine handed over: kind "handoff", state WITH_LAWYER
        events.publishEvent(new ReplyComposed(replyId, escalations.consultationOf(escalationId), held.get().citizen(),
                Optional.empty(), new Reply.Handoff(text, DialogState.WITH_LAWYER), now));
        events.publishEvent(new EscalationChanged(escalationId));
        log.info("Lawyer {} wrote on escalation {} ({} characters, reply {})", lawyer, escalationId, text.length(), replyId);
        return new Replied(Outcome.DONE, Optional.of(replyId));
    }

    /** Hands the chat to another lawyer; the citizen is told a different lawyer answers now. */
    public Outcome transfer(long escalationId, String from, String to) {
        Optional<Escalation> held = heldBy(escalationId, from);
        if (held.isEmpty() || !escalations.transfer(escalationId, from, to, clock.instant())) {
            return escalations.find(escalationId).isPresent() ? Outcome.NOT_YOURS : Outcome.NOT_FOUND;
        }
        tellEngine(() -> conversations.lawyerClaimed(held.get().citizen(), to), escalationId);
        events.publishEvent(new EscalationChanged(escalationId));
        log.info("Escalation {} transferred from {} to {}", escalationId, from, to);
        return Outcome.DONE;
    }

    /** Ends the consultation with an outcome; the citizen is told and may rate it. */
    public Outcome close(long escalationId, String lawyer, String outcome, Optional<String> note) {
        Optional<Escalation> held = heldBy(escalationId, lawyer);
        if (held.isEmpty() || !escalations.close(escalationId, lawyer, outcome, note, clock.instant())) {
            return escalations.find(escalationId).isPresent() ? Outcome.NOT_YOURS : Outcome.NOT_FOUND;
        }
        tellEngine(() -> conversations.lawyerClosed(held.get().citizen()), escalationId);
        events.publishEvent(new EscalationChanged(escalationId));
        log.info("Escalation {} closed by {} ({})", escalationId, lawyer, outcome);
        return Outcome.DONE;
    }

    private Optional<Escalation> heldBy(long escalationId, String lawyer) {
        return escalations.find(escalationId)
                .filter(e -> e.status() == Escalation.Status.CLAIMED && e.claimedBy().filter(lawyer::equals).isPresent());
    }

    /**
     * The row has changed already and is the truth for the inbox; a conversation store that is
     * down now only delays what the citizen is told, so it is logged, not undone.
     */
    private static void tellEngine(Runnable command, long escalationId) {
        try {
            command.run();
        } catch (ConversationStoreUnavailable e) {
            log.warn("Escalation {}: the conversation could not be told now: {}", escalationId, e.getMessage());
        }
    }
}
