package org.lawline.channels;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.Conversations;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.Reply;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.EventId;
import org.lawline.conversation.ReplyComposed;
import org.lawline.conversation.transcript.Transcripts;
import org.lawline.conversation.transcript.TurnRecord;
import org.springframework.context.ApplicationEventPublisher;

/**
 * A stand-in for bot-core's engine, for the channels' tests: answers from a script, after an
 * optional delay, remembers what it was asked and the state each reply left, and, like the real
 * one, publishes each reply as a {@link ReplyComposed} answering the message and, when told where,
 * leaves the turn in bot-core's transcript as the engine does (so that feedback can name it).
 */
public final class ScriptedConversations implements Conversations {

    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Function<InboundMessage, Reply> usual;
    private final List<InboundMessage> received = new CopyOnWriteArrayList<>();
    private final Map<ChannelIdentity, DialogState> states = new ConcurrentHashMap<>();
    private volatile Function<InboundMessage, Reply> script;
    private volatile Duration delay = Duration.ZERO;
    private volatile Transcripts transcripts = Transcripts.NONE;

    private ScriptedConversations(ApplicationEventPublisher events, Clock clock, Function<InboundMessage, Reply> usual) {
        this.events = events;
        this.clock = clock;
        this.usual = usual;
        this.script = usual;
    }

    /** One that has no answer for anything until told otherwise. */
    public static ScriptedConversations answeringNothing(ApplicationEventPublisher events, Clock clock) {
        return new ScriptedConversations(events, clock,
                message -> new Reply.NoAnswer("抱歉，暂时没有找到相关答案。", DialogState.BOT));
    }

    /** One that says back what it was asked until told otherwise. */
    public static ScriptedConversations echoing(ApplicationEventPublisher events, Clock clock) {
        return new ScriptedConversations(events, clock, ScriptedConversations::echo);
    }

    @Override
    public Reply handle(InboundMessage message) {
        received.add(message);
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Reply reply = script.apply(message);
        states.put(message.from(), reply.state());
        ConversationId conversation = ConversationId.next();
        events.publishEvent(new ReplyComposed(EventId.next(), conversation, message.from(), Optional.of(message.messageId()), reply, clock.instant()));
        transcripts.record(TurnRecord.citizen(conversation, message.from(), message.messageId(), message.text(), DialogState.BOT,
                message.receivedAt()));
        transcripts.record(TurnRecord.bot(conversation, message.from(), Optional.of(message.messageId()), reply, 0, clock.instant()));
        return reply;
    }

    @Override
    public DialogState stateOf(ChannelIdentity citizen) {
        return states.getOrDefault(citizen, DialogState.BOT);
    }

    public void answerWith(Function<InboundMessage, Reply> script) {
        this.script = script;
    }

    /** From now on each turn is also recorded here, as bot-core's engine records it. */
    public void transcribeTo(Transcripts transcripts) {
        this.transcripts = transcripts;
    }

    public void slowDownBy(Duration delay) {
        this.delay = delay;
    }

    public void putState(ChannelIdentity citizen, DialogState state) {
        states.put(citizen, state);
    }

    public List<InboundMessage> received() {
        return List.copyOf(received);
    }

    public List<String> receivedTexts() {
        return received.stream().map(InboundMessage::text).toList();
    }

    public List<InboundMessage> receivedFrom(String citizenId) {
        return received.stream().filter(m -> m.from().citizenId().equals(citizenId)).toList();
    }

    public void reset() {
        received.clear();
        states.clear();
        script = usual;
        delay = Duration.ZERO;
    }

    public static Reply echo(InboundMessage message) {
        return new Reply.NoAnswer("您问的是：" + message.text(), DialogState.BOT);
    }
}
