package org.lawline.channels.delivery;

import java.time.Clock;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ReplyComposed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * Messages to citizens that no inbound call is waiting for (a duty lawyer's reply, a system
 * message), on every channel with a platform here: recorded at once, in the publisher's thread
 * and transaction, so that a message that could not even be recorded reaches the publisher as a
 * failure instead of being lost quietly; then sent from the platform's dispatcher (the web's
 * mailbox at once, WeChat's API from its workers). One recorded but not sent is the reconciler's.
 * A reply to a hotline voicemail goes to the WeChat follower who gave the caller's number for a
 * callback, while WeChat lets us write to them ({@link FollowerNumbers}); else by SMS.
 */
public class LaterReplies {

    private static final Logger log = LoggerFactory.getLogger(LaterReplies.class);

    private final Outbox outbox;
    private final FollowerNumbers followers;
    private final Clock clock;

    public LaterReplies(Outbox outbox, FollowerNumbers followers, Clock clock) {
        this.outbox = outbox;
        this.followers = followers;
        this.clock = clock;
    }

    @EventListener
    public void on(ReplyComposed event) {
        // An answer to a message went back the way the message came.
        if (event.inReplyTo().isPresent()) {
            return;
        }
        ChannelIdentity to = addressOf(event.to());
        if (!outbox.serves(to.channel())) {
            log.warn("Dropped a {} message for {}: no {} channel here", event.reply().kind().wireName(), to, to.channel());
            return;
        }
        // recorded under the reply's id: the same reply heard twice is sent once
        outbox.recordOnce(event, to, Purpose.PUSH).ifPresent(outbox::deliverSoon);
    }

    private ChannelIdentity addressOf(ChannelIdentity to) {
        if (to.channel() != Channel.HOTLINE || to.phone().isEmpty() || !outbox.serves(Channel.WECHAT)) {
            return to;
        }
        return followers.weChatFollowerWhoGave(to.phone().get(), clock.instant())
                .map(follower -> {
                    log.info("A message to hotline caller {} goes to {}, the WeChat follower who gave that number", to, follower);
                    return follower;
                })
                .orElse(to);
    }
}
