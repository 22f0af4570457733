package org.lawline.channels.wechat;

import org.lawline.conversation.Channel;
import java.util.Optional;
import org.lawline.channels.Notice;
import org.lawline.channels.NoticeSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices to WeChat citizens: a customer-service message while the citizen's window is open (it
 * reads like the chat), else the account's template message for the notice's kind. A follower who
 * left gets nothing.
 */
class TemplateNotices implements NoticeSender {

    private static final Logger log = LoggerFactory.getLogger(TemplateNotices.class);

    private final WeChatAccounts accounts;
    private final Outbox outbox;
    private final Followers followers;

    TemplateNotices(WeChatAccounts accounts, Outbox outbox, Followers followers) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.followers = followers;
    }

    @Override
    public Outcome send(Notice notice) {
        if (notice.to().channel() != Channel.WECHAT) {
            throw new IllegalArgumentException("Not a WeChat citizen: " + notice.to());
        }
        if (!followers.mayReceiveNotices(notice.to())) {
            log.info("{} notice for {} not sent: unfollowed", notice.kind(), notice.to());
            return Outcome.UNSUBSCRIBED;
        }
        Outbox.Delivery chat = outbox.send(notice.to(), notice.text(), Outbox.Purpose.PUSH, Optional.empty());
        if (chat.state() == Outbox.State.SENT) {
            return Outcome.SENT;
        }
        Optional<String> template = accounts.find(notice.to().account())
                .map(account -> account.settings().templates().get(notice.kind().key()));
        if (template.isEmpty()) {
            log.warn("{} notice for {} not delivered: no template configured for {}", notice.kind(), notice.to(), notice.kind().key());
            return Outcome.NOT_DELIVERED;
        }
        Outbox.Delivery templated = outbox.sendTemplate(notice.to(), template.get(), notice.fields(), notice.text());
        return templated.state() == Outbox.State.SENT ? Outcome.SENT_AS_TEMPLATE : Outcome.NOT_DELIVERED;
    }
}
