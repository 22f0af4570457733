package org.lawline.channels.web;

import java.time.Clock;
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
import org.lawline.conversation.ReplyComposed;
import org.springframework.context.ApplicationEventPublisher;

/**
 * A stand-in for bot-core's engine that answers from a script and remembers what it was asked.
 * Like the real one, it publishes each reply as a {@link ReplyComposed} answering the message.
 */
class ScriptedConversations implements Conversations {

    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<InboundMessage> received = new CopyOnWriteArrayList<>();
    private final Map<ChannelIdentity, DialogState> states = new ConcurrentHashMap<>();
    private volatile Function<InboundMessage, Reply> script = ScriptedConversations::noAnswer;

    ScriptedConversations(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Reply handle(InboundMessage message) {
        received.add(message);
        Reply reply = script.apply(message);
        states.put(message.from(), reply.state());
        events.publishEvent(new ReplyComposed(message.from(), Optional.of(message.messageId()), reply, clock.instant()));
        return reply;
    }

    @Override
    public DialogState stateOf(ChannelIdentity citizen) {
        return states.getOrDefault(citizen, DialogState.BOT);
    }

    void answerWith(Function<InboundMessage, Reply> script) {
        this.script = script;
    }

    void putState(ChannelIdentity citizen, DialogState state) {
        states.put(citizen, state);
    }

    List<InboundMessage> received() {
        return List.copyOf(received);
    }

    List<String> receivedTexts() {
        return received.stream().map(InboundMessage::text).toList();
    }

    void reset() {
        received.clear();
        states.clear();
        script = ScriptedConversations::noAnswer;
    }

    private static Reply noAnswer(InboundMessage message) {
        return new Reply.NoAnswer("抱歉，暂时没有找到相关答案。", DialogState.BOT);
    }
}
