package org.lawline.channels.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.lawline.channels.delivery.Claim;
import org.lawline.channels.delivery.ClaimTicket;
import org.lawline.channels.delivery.ClaimedReplies;
import org.lawline.channels.delivery.InboundClaims;
import org.lawline.channels.delivery.Outbox;
import org.lawline.channels.delivery.PlatformAnswer;
import org.lawline.channels.delivery.Subscribers;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.Conversations;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.MobileNumber;
import org.lawline.conversation.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the SMS pushes bring, taken in two steps. {@link #accept} claims each item in the shared
 * inbound claims while the push waits (a database row each, with the item kept as the claim's
 * payload): a retried push, or a batch that mixes new and seen items, finds the seen ones claimed
 * and skips them. Then the workers answer each new message and apply each new receipt. Should
 * this instance die, or its workers be full, a claim left open is answered by the reconciler
 * ({@link SmsStrandedItems}) from the payload: nothing the platform was told "接收成功" for is lost.
 * Thread safe.
 */
record SmsInbound(InboundClaims claims, ClaimedReplies replies, Conversations conversations, Subscribers subscribers, Outbox outbox,
                  Executor workers, JsonMapper json, Clock clock, String hotlineGateway) {

    private static final Logger log = LoggerFactory.getLogger(SmsInbound.class);

    static final String MESSAGE = "text";
    static final String RECEIPT = "receipt";

    static final String UNSUBSCRIBED = "您已退订普法宣传短信，今后不再收到。法律咨询仍可直接回复本号码。如需恢复，请回复“订阅”。";
    static final String RESUBSCRIBED = "您已恢复订阅普法宣传短信。如需退订，请回复TD。";

    /** The citizen behind a number on a gateway: the number is the identity and the callback number. */
    static ChannelIdentity citizen(String gateway, MobileNumber number) {
        return new ChannelIdentity(Channel.SMS, gateway, number.digits(), Optional.of(number));
    }

    /**
     * Claims a message and hands a new one to the workers.
     *
     * @return true when it was new
     * @throws RuntimeException when the database is unreachable: the push must fail, so the platform retries it
     */
    boolean accept(String gateway, PushItems.MobileOriginated message) {
        ChannelIdentity citizen = citizen(gateway, message.from());
        Instant now = clock.instant();
        Claim claim = claims.claim(citizen, message.key(), MESSAGE, Optional.of(kept(MESSAGE, message.raw())), now);
        if (!(claim instanceof Claim.Won won)) {
            return false;
        }
        dispatch(won.ticket(), () -> answer(won.ticket(), message, now));
        return true;
    }

    /** Claims a receipt and hands a new one to the workers; as {@link #accept(String, PushItems.MobileOriginated)}. */
    boolean accept(String gateway, PushItems.DeliveryReceipt receipt) {
        ChannelIdentity citizen = citizen(gateway, receipt.to());
        Claim claim = claims.claim(citizen, receipt.key(), RECEIPT, Optional.of(kept(RECEIPT, receipt.raw())), clock.instant());
        if (!(claim instanceof Claim.Won won)) {
            return false;
        }
        dispatch(won.ticket(), () -> apply(won.ticket(), receipt));
        return true;
    }

    /**
     * Answers one message: TD / 订阅 change the subscription and are confirmed; everything else is
     * the engine's (a conversation goes on after TD: the citizen wrote to us).
     */
    void answer(ClaimTicket ticket, PushItems.MobileOriginated message, Instant receivedAt) {
        ChannelIdentity citizen = ticket.citizen();
        Optional<SubscriptionKeywords> keyword = SubscriptionKeywords.of(message.content());
        Optional<String> reply;
        if (keyword.isPresent() && keyword.get() == SubscriptionKeywords.UNSUBSCRIBE) {
            subscribers.unsubscribed(citizen, clock.instant());
            reply = Optional.of(UNSUBSCRIBED);
        } else if (keyword.isPresent()) {
            subscribers.subscribed(citizen, clock.instant());
            reply = Optional.of(RESUBSCRIBED);
        } else {
            Reply answer = conversations.handle(new InboundMessage(citizen, message.key(), message.content(), receivedAt));
            reply = Optional.of(answer.text()).filter(text -> !text.isBlank());
        }
        replies.sendLater(ticket, reply);
    }

    /**
     * A receipt settles the part it names: SENT once on the phone, FAILED with the carrier's code
     * otherwise. It names the part by the gateway's id ({@code biz_id}, kept with the part when it
     * was sent) or by ours ({@code out_id}, the part's id given to {@code SendSms}); a part of the
     * hotline channel (a reply to a voicemail) left on the hotline's gateway is settled alike.
     */
    void apply(ClaimTicket ticket, PushItems.DeliveryReceipt receipt) {
        PlatformAnswer answer = receipt.success()
                ? PlatformAnswer.accepted()
                : new PlatformAnswer.Failed("delivery receipt: " + receipt.errCode() + " " + receipt.errMsg());
        String gateway = ticket.citizen().account();
        boolean servesHotline = gateway.equals(hotlineGateway);
        int settled = 0;
        if (receipt.bizId().isPresent()) {
            settled = outbox.reported(Channel.SMS, gateway, receipt.bizId().get(), answer);
            if (settled == 0 && servesHotline) {
                settled = outbox.reportedOnChannel(Channel.HOTLINE, receipt.bizId().get(), answer);
            }
        }
        Optional<Long> ours = receipt.outId().filter(id -> id.matches("\\d{1,18}")).map(Long::parseLong);
        if (settled == 0 && ours.isPresent()) {
            settled = outbox.reportedForPart(ours.get(), Channel.SMS, Optional.of(gateway), answer);
            if (settled == 0 && servesHotline) {
                settled = outbox.reportedForPart(ours.get(), Channel.HOTLINE, Optional.empty(), answer);
            }
        }
        if (settled == 0) {
            log.info("A receipt for {} names no part of ours (biz_id {}, out_id {})", ticket.citizen(),
                    receipt.bizId().orElse("-"), receipt.outId().orElse("-"));
        }
        claims.answeredLater(ticket, clock.instant());
    }

    /** The claim's payload: the item as pushed, and what it is. */
    private String kept(String kind, tools.jackson.databind.JsonNode raw) {
        ObjectNode payload = json.createObjectNode();
        payload.put("kind", kind);
        payload.set("item", raw);
        return json.writeValueAsString(payload);
    }

    private void dispatch(ClaimTicket ticket, Runnable work) {
        try {
            workers.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    // the claim stays open: the reconciler answers it after the lease, once
                    log.error("Claim {} of {} failed; left for the reconciler", ticket.id(), ticket.citizen(), e);
                }
            });
        } catch (RejectedExecutionException busy) {
            log.warn("No SMS worker free for claim {} of {}; the reconciler answers it after the lease", ticket.id(), ticket.citizen());
        }
    }
}
