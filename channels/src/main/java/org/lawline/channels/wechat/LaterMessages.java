package org.lawline.channels.wechat;

import org.lawline.conversation.Channel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.lawline.conversation.ReplyComposed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * Messages for WeChat citizens that no webhook call is waiting for (a duty lawyer's reply, a
 * system message): recorded at once, in the publisher's thread and transaction, then sent as
 * customer-service messages by a worker.
 */
class LaterMessages {

    private static final Logger log = LoggerFactory.getLogger(LaterMessages.class);

    private final WeChatAccounts accounts;
    private final Outbox outbox;
    private final Executor workers;

    LaterMessages(WeChatAccounts accounts, Outbox outbox, Executor workers) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.workers = workers;
    }

    @EventListener
    void on(ReplyComposed event) {
        // An answer to a message went back through the webhook that asked for it.
        if (event.inReplyTo().isPresent() || event.to().channel() != Channel.WECHAT) {
            return;
        }
        if (accounts.find(event.to().account()).isEmpty()) {
            log.warn("Dropped a {} message for {}: the account is not configured", event.reply().kind().wireName(), event.to());
            return;
        }
        List<Long> parts = outbox.record(event.to(), event.reply().text(), Outbox.Purpose.PUSH, Optional.empty());
        try {
            workers.execute(() -> outbox.deliver(event.to(), parts));
        } catch (RejectedExecutionException busy) {
            // Recorded as SENDING: not lost; the Reconciler sends it once it has waited past its lease.
            log.warn("No worker free to push a message to {}; it stays recorded as sending", event.to());
        }
    }
}
