package org.lawline.channels.wechat;

import java.time.Clock;
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
 * leaves and ends SENT, NOT_DELIVERED or FAILED. Nothing is retried here: a message WeChat refused
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

    enum State { SENDING, SENT, NOT_DELIVERED, FAILED }

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
