package org.lawline.channels.wechat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 * A stand-in for bot-core's engine: answers from a script, after an optional delay, remembers
 * what it was asked, and publishes each reply as a {@link ReplyComposed} answering the message.
 */
class ScriptedConversations implements Conversations {

    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<InboundMessage> received = new CopyOnWriteArrayList<>();
    private volatile Function<InboundMessage, Reply> script = ScriptedConversations::echo;
    private volatile Duration delay = Duration.ZERO;

    ScriptedConversations(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
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
        events.publishEvent(new ReplyComposed(message.from(), Optional.of(message.messageId()), reply, clock.instant()));
        return reply;
    }

    @Override
    public DialogState stateOf(ChannelIdentity citizen) {
        return DialogState.BOT;
    }

    void answerWith(Function<InboundMessage, Reply> script) {
        this.script = script;
    }

    void slowDownBy(Duration delay) {
        this.delay = delay;
    }

    List<InboundMessage> received() {
        return List.copyOf(received);
    }

    List<InboundMessage> receivedFrom(String openid) {
        return received.stream().filter(m -> m.from().citizenId().equals(openid)).toList();
    }

    void reset() {
        received.clear();
        script = ScriptedConversations::echo;
        delay = Duration.ZERO;
    }

    static Reply echo(InboundMessage message) {
        return new Reply.NoAnswer("您问的是：" + message.text(), DialogState.BOT);
    }
}
