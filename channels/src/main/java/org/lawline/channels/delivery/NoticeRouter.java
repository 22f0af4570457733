package org.lawline.channels.delivery;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lawline.channels.Notice;
import org.lawline.channels.NoticeSender;
import org.lawline.conversation.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices on every channel: to subscribers only; as a chat message through the outbox first (it
 * reads like the chat), then in the channel's own notice form where it has one. A channel with no
 * platform here is answered NOT_DELIVERED with the reason, never an exception.
 */
public class NoticeRouter implements NoticeSender {

    private static final Logger log = LoggerFactory.getLogger(NoticeRouter.class);

    private final Outbox outbox;
    private final Subscribers subscribers;
    private final Map<Channel, NoticeForms> forms;

    public NoticeRouter(Outbox outbox, Subscribers subscribers, List<NoticeForms> forms) {
        this.outbox = outbox;
        this.subscribers = subscribers;
        this.forms = Platforms.byChannel(forms, NoticeForms::channel);
    }

    @Override
    public Result send(Notice notice) {
        Channel channel = notice.to().channel();
        if (!outbox.serves(channel)) {
            log.warn("{} notice for {} not sent: no {} channel here", notice.kind(), notice.to(), channel);
            return Result.notDelivered("no " + channel + " channel is configured here");
        }
        if (!subscribers.mayReceiveNotices(notice.to())) {
            log.info("{} notice for {} not sent: unsubscribed", notice.kind(), notice.to());
            return Result.of(Outcome.UNSUBSCRIBED);
        }
        Delivery chat = outbox.send(notice.to(), notice.text(), Purpose.PUSH, Optional.empty());
        if (chat.isSent()) {
            return Result.of(Outcome.SENT);
        }
        NoticeForms form = forms.get(channel);
        Optional<Delivery> formal = form == null ? Optional.empty() : form.send(notice);
        if (formal.isEmpty()) {
            return new Result(Outcome.NOT_DELIVERED, chat.reason());
        }
        return formal.get().isSent() ? Result.of(Outcome.SENT_AS_TEMPLATE) : new Result(Outcome.NOT_DELIVERED, formal.get().reason());
    }
}
