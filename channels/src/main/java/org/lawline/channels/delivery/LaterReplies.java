package org.lawline.channels.delivery;

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
 */
public class LaterReplies {

    private static final Logger log = LoggerFactory.getLogger(LaterReplies.class);

    private final Outbox outbox;

    public LaterReplies(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    public void on(ReplyComposed event) {
        // An answer to a message went back the way the message came.
        if (event.inReplyTo().isPresent()) {
            return;
        }
        if (!outbox.serves(event.to().channel())) {
            log.warn("Dropped a {} message for {}: no {} channel here", event.reply().kind().wireName(), event.to(), event.to().channel());
            return;
        }
        // recorded under the reply's id: the same reply heard twice is sent once
        outbox.recordOnce(event, Purpose.PUSH).ifPresent(outbox::deliverSoon);
    }
}
