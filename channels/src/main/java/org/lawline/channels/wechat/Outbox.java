package org.lawline.channels.wechat;

import org.lawline.conversation.Channel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.lawline.conversation.ChannelIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Customer-service messages: what we push to a citizen outside a webhook's response (a late
 * answer, a duty lawyer's reply). Each part is recorded in {@code wechat_outbound} before it
 * leaves and ends SENT, NOT_DELIVERED or FAILED. A part left SENDING by an instance that died is
 * sent again once, by the {@link Reconciler} ({@link #retry}). Nothing else is retried: a message WeChat refused
 * because its window or allowance closed (45015, 45047) waits until the citizen writes again;
 * WxJava itself refreshes an expired access_token once and resends once (40001, 42001).
 */
class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    enum Purpose {
        /** The answer to a message that took longer than the webhook could wait. */
        REPLY,
        /** A message the citizen did not just ask for: a duty lawyer's reply, a system message. */
        PUSH,
        /** A template message (notice). */
        NOTICE
    }

    enum State {
        SENDING,
        /** Left SENDING by an instance that died or had no worker free; being sent again, once. */
        RETRYING,
        SENT,
        NOT_DELIVERED,
        FAILED
    }

    /** A part left {@link State#SENDING} for longer than any send takes. */
    record Stuck(long id, ChannelIdentity citizen, Purpose purpose) {
    }

    /** The closed-window reason the duty lawyers' inbox shows. */
    static final String CITIZEN_MUST_WRITE = "not delivered: the citizen has to write again";

    /** WeChat: outside the 48-hour window, or the follower left. */
    static final int WINDOW_CLOSED = 45015;
    /** WeChat: the window's allowance of messages is used up. */
    static final int ALLOWANCE_SPENT = 45047;

    record Delivery(State state, String reason) {
        static Delivery sent() {
            return new Delivery(State.SENT, null);
        }
    }

    private final JdbcClient jdbc;
    private final WeChatAccounts accounts;
    private final CustomerServiceBudget budget;
    private final Clock clock;

    Outbox(JdbcClient jdbc, WeChatAccounts accounts, CustomerServiceBudget budget, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.budget = budget;
        this.clock = clock;
    }

    /** Records the message, split into parts WeChat accepts, as SENDING; returns the parts' ids. */
    List<Long> record(ChannelIdentity citizen, String text, Purpose purpose, Optional<String> inReplyTo) {
        List<Long> ids = new ArrayList<>();
        int partNo = 1;
        for (String part : TextSplitter.split(text, TextSplitter.WECHAT_TEXT_BYTES)) {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                            insert into wechat_outbound (account, citizen_id, purpose, in_reply_to, part_no, text, state, created_at, updated_at)
                            values (:account, :citizen, :purpose, :inReplyTo, :partNo, :text, :state, :now, :now)""")
                    .param("account", citizen.account())
                    .param("citizen", citizen.citizenId())
                    .param("purpose", purpose.name())
                    .param("inReplyTo", inReplyTo.orElse(null))
                    .param("partNo", partNo++)
                    .param("text", part)
                    .param("state", State.SENDING.name())
                    .param("now", Utc.of(clock.instant()))
                    .update(key, "id");
            ids.add(key.getKeyAs(Number.class).longValue());
        }
        return ids;
    }

    /**
     * Sends the recorded parts in order as customer-service messages. Stops at the first part that
     * does not go out; that part and the rest take its state and reason.
     */
    Delivery deliver(ChannelIdentity citizen, List<Long> partIds) {
        Delivery delivery = Delivery.sent();
        for (long id : partIds) {
            if (delivery.state() == State.SENT) {
                delivery = sendOne(citizen, id);
            }
            mark(id, delivery);
        }
        if (delivery.state() == State.SENT) {
            log.info("Customer-service message to {} sent in {} part(s)", citizen, partIds.size());
        } else {
            log.warn("Customer-service message to {} {}: {}", citizen, delivery.state(), delivery.reason());
        }
        return delivery;
    }

    Delivery send(ChannelIdentity citizen, String text, Purpose purpose, Optional<String> inReplyTo) {
        return deliver(citizen, record(citizen, text, purpose, inReplyTo));
    }

    private Delivery sendOne(ChannelIdentity citizen, long id) {
        Optional<WeChatAccounts.Served> account = accounts.find(citizen.account());
        if (account.isEmpty()) {
            return new Delivery(State.FAILED, "account " + citizen.account() + " is not configured");
        }
        switch (budget.use(citizen, clock.instant())) {
            case WINDOW_CLOSED -> {
                return new Delivery(State.NOT_DELIVERED, CITIZEN_MUST_WRITE + " (48-hour window closed)");
            }
            case SPENT -> {
                return new Delivery(State.NOT_DELIVERED, CITIZEN_MUST_WRITE + " (messages for this window used up)");
            }
            default -> {
                // allowed: send
            }
        }
        String text = jdbc.sql("select text from wechat_outbound where id = :id").param("id", id).query(String.class).single();
        try {
            account.get().api().getKefuService().sendKefuMessage(
                    WxMpKefuMessage.TEXT().toUser(citizen.citizenId()).content(text).build());
            return Delivery.sent();
        } catch (WxErrorException e) {
            int code = e.getError() == null ? 0 : e.getError().getErrorCode();
            if (code == WINDOW_CLOSED || code == ALLOWANCE_SPENT) {
                return new Delivery(State.NOT_DELIVERED, CITIZEN_MUST_WRITE + " (WeChat errcode " + code + ")");
            }
            return new Delivery(State.FAILED, "WeChat errcode " + code);
        } catch (RuntimeException e) {
            // WxJava wraps network failures and lock timeouts; its message may hold the URL with the token.
            return new Delivery(State.FAILED, "WeChat API unreachable (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Parts left SENDING since before {@code staleBefore}, oldest first. */
    List<Stuck> stuck(Instant staleBefore, int limit) {
        return jdbc.sql("""
                        select id, account, citizen_id, purpose from wechat_outbound
                         where state = :state and updated_at < :staleBefore order by id limit :limit""")
                .param("state", State.SENDING.name())
                .param("staleBefore", Utc.of(staleBefore))
                .param("limit", limit)
                .query((rs, n) -> new Stuck(rs.getLong("id"),
                        new ChannelIdentity(Channel.WECHAT, rs.getString("account"), rs.getString("citizen_id")),
                        Purpose.valueOf(rs.getString("purpose"))))
                .list();
    }

    /**
     * Sends a stuck part again, once: a compare-and-set from SENDING to RETRYING decides which
     * instance does it, and a part that is RETRYING is never sent again, even if its sender dies
     * (then {@link #giveUpAbandonedRetries} records it as failed). Template messages are not sent
     * again: WeChat may have taken one before the instance died, and a second notice would confuse.
     *
     * @return the delivery, or empty when another instance took the part
     */
    Optional<Delivery> retry(Stuck part, Instant staleBefore) {
        int taken = jdbc.sql("""
                        update wechat_outbound set state = :retrying, updated_at = :now
                         where id = :id and state = :sending and updated_at < :staleBefore""")
                .param("retrying", State.RETRYING.name())
                .param("now", Utc.of(clock.instant()))
                .param("id", part.id())
                .param("sending", State.SENDING.name())
                .param("staleBefore", Utc.of(staleBefore))
                .update();
        if (taken != 1) {
            return Optional.empty();
        }
        Delivery delivery = part.purpose() == Purpose.NOTICE
                ? new Delivery(State.FAILED, "not sent again: the instance sending this template message stopped")
                : sendOne(part.citizen(), part.id());
        mark(part.id(), delivery);
        log.info("Message part {} to {} left unsent by an instance, sent again: {}", part.id(), part.citizen(), delivery.state());
        return Optional.of(delivery);
    }

    /** Parts whose retrier died mid-send: recorded as failed rather than sent a second time. */
    int giveUpAbandonedRetries(Instant staleBefore) {
        return jdbc.sql("""
                        update wechat_outbound set state = :failed, reason = :reason, updated_at = :now
                         where state = :retrying and updated_at < :staleBefore""")
                .param("failed", State.FAILED.name())
                .param("reason", "not sent again: the instance retrying it stopped, and a part is never sent twice")
                .param("now", Utc.of(clock.instant()))
                .param("retrying", State.RETRYING.name())
                .param("staleBefore", Utc.of(staleBefore))
                .update();
    }

    /** Whether the answer to this message was recorded for sending (whatever became of it). */
    boolean hasReplyTo(String account, String retryKey) {
        return jdbc.sql("select count(*) from wechat_outbound where account = :account and in_reply_to = :key and purpose = :purpose")
                .param("account", account)
                .param("key", retryKey)
                .param("purpose", Purpose.REPLY.name())
                .query(Integer.class)
                .single() > 0;
    }

    /**
     * Sends a template message and records it as a NOTICE; WeChat's later report on it
     * (TEMPLATESENDJOBFINISH) settles its state. Template messages need no open window.
     */
    Delivery sendTemplate(ChannelIdentity citizen, String templateId, Map<String, String> fields, String text) {
        List<Long> ids = record(citizen, text, Purpose.NOTICE, Optional.empty());
        Optional<WeChatAccounts.Served> account = accounts.find(citizen.account());
        Delivery delivery;
        String msgId = null;
        if (account.isEmpty()) {
            delivery = new Delivery(State.FAILED, "account " + citizen.account() + " is not configured");
        } else {
            WxMpTemplateMessage message = WxMpTemplateMessage.builder().toUser(citizen.citizenId()).templateId(templateId).build();
            fields.forEach((name, value) -> message.addData(new WxMpTemplateData(name, value)));
            try {
                msgId = account.get().api().getTemplateMsgService().sendTemplateMsg(message);
                delivery = Delivery.sent();
            } catch (WxErrorException e) {
                int code = e.getError() == null ? 0 : e.getError().getErrorCode();
                delivery = new Delivery(code == 43004 ? State.NOT_DELIVERED : State.FAILED, "template refused: WeChat errcode " + code);
            } catch (RuntimeException e) {
                delivery = new Delivery(State.FAILED, "WeChat API unreachable (" + e.getClass().getSimpleName() + ")");
            }
        }
        for (long id : ids) {
            mark(id, delivery);
            if (msgId != null) {
                jdbc.sql("update wechat_outbound set wechat_msg_id = :msgId where id = :id").param("msgId", msgId).param("id", id).update();
            }
        }
        log.info("Template notice to {}: {}", citizen, delivery.state());
        return delivery;
    }

    private void mark(long id, Delivery delivery) {
        jdbc.sql("update wechat_outbound set state = :state, reason = :reason, updated_at = :now where id = :id")
                .param("state", delivery.state().name())
                .param("reason", delivery.reason())
                .param("now", Utc.of(clock.instant()))
                .param("id", id)
                .update();
    }
}
