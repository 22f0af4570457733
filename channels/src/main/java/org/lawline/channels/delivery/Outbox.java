package org.lawline.channels.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.ReplyComposed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Every message we send outside a synchronous answer, on every channel: recorded part by part in
 * {@code outbound_part} before it leaves, sent through its channel's {@link ChannelPlatform}, and
 * ended SENT, NOT_DELIVERED or FAILED. Retry rules: a part an instance left SENDING is sent again
 * once, by the {@link Reconciler} ({@link #retry}); a part held back until later (quiet hours) is
 * sent by it when its time comes; nothing refused is retried in a loop: a message a platform
 * refused because its window or allowance closed waits until the citizen writes again. Thread safe.
 */
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    /** A part left SENDING for longer than any send takes, or held back until a time that has come. */
    public record Stuck(OutboundPart part) {
    }

    private final JdbcClient jdbc;
    private final Map<Channel, ChannelPlatform> platforms;
    private final Clock clock;

    public Outbox(JdbcClient jdbc, List<ChannelPlatform> platforms, Clock clock) {
        this.jdbc = jdbc;
        this.platforms = Platforms.byChannel(platforms);
        this.clock = clock;
    }

    /** Whether a channel has a platform to send with here. */
    public boolean serves(Channel channel) {
        return platforms.containsKey(channel);
    }

    /**
     * Records the message, split into parts its channel accepts, as SENDING.
     *
     * @param inReplyTo the inbound claim key it answers, if any
     * @param kind      the reply's kind, for channels that show it
     * @param at        when it was composed
     */
    public OutboundMessage record(ChannelIdentity to, String text, Purpose purpose, Optional<String> inReplyTo,
                                  Optional<String> kind, Instant at) {
        List<String> parts = platform(to.channel())
                .map(platform -> platform.split(to, text))
                .orElse(List.of(text));
        return insert(UUID.randomUUID().toString(), Optional.empty(), to, parts, purpose, inReplyTo, kind, at);
    }

    /**
     * Records a reply the engine composed, once: the message's id is the reply's id, so its
     * {@link Delivery} names the reply, and its parts carry the consultation. Recording the same
     * reply again (its event delivered twice) records nothing.
     *
     * @return the message, or empty when this reply was recorded before
     */
    public Optional<OutboundMessage> recordOnce(ReplyComposed composed, Purpose purpose) {
        return recordOnce(composed, composed.to(), purpose);
    }

    /**
     * As {@link #recordOnce(ReplyComposed, Purpose)}, addressed to {@code to} instead of the
     * reply's own address: the same citizen where they can be reached (a hotline caller who is a
     * WeChat follower). The message keeps the reply's id, so its delivery still names the reply.
     */
    public Optional<OutboundMessage> recordOnce(ReplyComposed composed, ChannelIdentity to, Purpose purpose) {
        String text = composed.reply().text();
        List<String> parts = platform(to.channel())
                .map(platform -> PartSplitter.split(text, platform.partLimit()))
                .orElse(List.of(text));
        try {
            return Optional.of(insert(composed.replyId().toString(), Optional.of(composed.conversation()), to, parts, purpose,
                    Optional.empty(), Optional.of(composed.reply().kind().wireName()), composed.composedAt()));
        } catch (DuplicateKeyException recordedBefore) {
            log.info("Reply {} to {} was recorded before; not again", composed.replyId(), to);
            return Optional.empty();
        }
    }

    public OutboundMessage record(ChannelIdentity to, String text, Purpose purpose, Optional<String> inReplyTo) {
        return record(to, text, purpose, inReplyTo, Optional.empty(), clock.instant());
    }

    /** Records and sends. */
    public Delivery send(ChannelIdentity to, String text, Purpose purpose, Optional<String> inReplyTo) {
        return deliver(record(to, text, purpose, inReplyTo));
    }

    /**
     * Sends the recorded parts in order. Stops at the first part that does not go out; that part
     * and the rest take its state and reason. Never throws for a send that failed.
     */
    public Delivery deliver(OutboundMessage message) {
        Delivery delivery = Delivery.sent(message.id());
        Optional<Instant> heldUntil = Optional.empty();
        for (long id : message.partIds()) {
            if (heldUntil.isPresent()) {
                // the rest wait with the first, or the reconciler could send them before it
                holdBack(id, heldUntil.get());
                continue;
            }
            if (delivery.isSent()) {
                delivery = sendOne(load(id), message.id());
            }
            if (delivery.state() == PartState.SENDING) {
                heldUntil = heldUntil(id);
            } else {
                mark(id, delivery);
            }
        }
        if (delivery.isSent()) {
            log.info("Message {} to {} sent in {} part(s)", message.id(), message.to(), message.partIds().size());
        } else {
            log.warn("Message {} to {} {}: {}", message.id(), message.to(), delivery.state(), delivery.reason().orElse(""));
        }
        return delivery;
    }

    /**
     * Sends the recorded message from its platform's {@link ChannelPlatform#dispatcher()}: at once
     * on the caller's thread, or on the platform's pool. Never throws for a send that failed or a
     * pool that was full: a part not sent stays SENDING and the reconciler sends it after the lease.
     */
    public void deliverSoon(OutboundMessage message) {
        Executor dispatcher = platform(message.to().channel()).map(ChannelPlatform::dispatcher).orElse(Runnable::run);
        try {
            dispatcher.execute(() -> deliver(message));
        } catch (RejectedExecutionException busy) {
            log.warn("No worker free to send message {} to {}; it stays recorded as sending", message.id(), message.to());
        }
    }

    /**
     * Records one part and hands it to {@code send} instead of the channel's platform: a platform's
     * own kind of message (a WeChat template notice), recorded like every other.
     */
    public Delivery sendOwnWay(ChannelIdentity to, String text, Purpose purpose, Function<OutboundPart, PlatformAnswer> send) {
        OutboundMessage message = insert(UUID.randomUUID().toString(), Optional.empty(), to, List.of(text), purpose, Optional.empty(),
                Optional.empty(), clock.instant());
        long id = message.partIds().get(0);
        Delivery delivery;
        try {
            delivery = settle(id, message.id(), send.apply(load(id)));
        } catch (RuntimeException e) {
            delivery = new Delivery(message.id(), PartState.FAILED, Optional.of("send failed (" + e.getClass().getSimpleName() + ")"));
            mark(id, delivery);
        }
        log.info("{} message {} to {}: {}", purpose, message.id(), to, delivery.state());
        return delivery;
    }

    /**
     * A platform's later report on a part it accepted (WeChat's TEMPLATESENDJOBFINISH): the part's
     * state becomes what the platform finally made of it.
     */
    public int reported(Channel channel, String account, String platformId, PlatformAnswer answer) {
        Delivery delivery = toDelivery("", answer);
        return jdbc.sql("""
                        update outbound_part set state = :state, reason = :reason, updated_at = :now
                         where channel = :channel and account = :account and platform_id = :platformId""")
                .param("state", delivery.state().name())
                .param("reason", delivery.reason().orElse(null))
                .param("now", Utc.of(clock.instant()))
                .param("channel", channel.wireName())
                .param("account", account)
                .param("platformId", platformId)
                .update();
    }

    /**
     * As {@link #reported(Channel, String, String, PlatformAnswer)}, for a channel whose parts all
     * leave through one platform account whatever account they are addressed from (the hotline's
     * replies go out on one SMS gateway).
     *
     * @return how many parts it settled
     */
    public int reportedOnChannel(Channel channel, String platformId, PlatformAnswer answer) {
        Delivery delivery = toDelivery("", answer);
        return jdbc.sql("""
                        update outbound_part set state = :state, reason = :reason, updated_at = :now
                         where channel = :channel and platform_id = :platformId""")
                .param("state", delivery.state().name())
                .param("reason", delivery.reason().orElse(null))
                .param("now", Utc.of(clock.instant()))
                .param("channel", channel.wireName())
                .param("platformId", platformId)
                .update();
    }

    /**
     * A platform's later report that names the part by our own id, which we gave it when sending
     * (an SMS receipt's {@code out_id}); settled only when the part is of that channel, and of that
     * account when one is given.
     *
     * @return how many parts it settled (0 or 1)
     */
    public int reportedForPart(long partId, Channel channel, Optional<String> account, PlatformAnswer answer) {
        Delivery delivery = toDelivery("", answer);
        return jdbc.sql("update outbound_part set state = :state, reason = :reason, updated_at = :now"
                        + " where id = :id and channel = :channel" + (account.isPresent() ? " and account = :account" : ""))
                .param("state", delivery.state().name())
                .param("reason", delivery.reason().orElse(null))
                .param("now", Utc.of(clock.instant()))
                .param("id", partId)
                .param("channel", channel.wireName())
                .params(account.map(a -> Map.<String, Object>of("account", a)).orElse(Map.of()))
                .update();
    }

    /** Parts left SENDING since before {@code staleBefore}, and parts held back until a time before {@code now}, oldest first. */
    public List<Stuck> stuck(Instant staleBefore, Instant now, int limit) {
        return jdbc.sql(SELECT + """
                         where state = :state and ((not_before is null and updated_at < :staleBefore) or not_before <= :now)
                         order by id limit :limit""")
                .param("state", PartState.SENDING.name())
                .param("staleBefore", Utc.of(staleBefore))
                .param("now", Utc.of(now))
                .param("limit", limit)
                .query((rs, n) -> new Stuck(part(rs)))
                .list();
    }

    /**
     * Sends a stuck part again, once: a compare-and-set from SENDING to RETRYING decides which
     * instance does it, and a part that is RETRYING is never sent again, even if its sender dies
     * (then {@link #giveUpAbandonedRetries} records it as failed). Notices are not sent again: the
     * platform may have taken one before the instance died, and a second notice would confuse.
     *
     * @return the delivery, or empty when another instance took the part
     */
    public Optional<Delivery> retry(Stuck stuck, Instant staleBefore) {
        OutboundPart part = stuck.part();
        int taken = jdbc.sql("""
                        update outbound_part set state = :retrying, not_before = null, updated_at = :now
                         where id = :id and state = :sending
                           and ((not_before is null and updated_at < :staleBefore) or not_before <= :now)""")
                .param("retrying", PartState.RETRYING.name())
                .param("now", Utc.of(clock.instant()))
                .param("id", part.id())
                .param("sending", PartState.SENDING.name())
                .param("staleBefore", Utc.of(staleBefore))
                .update();
        if (taken != 1) {
            return Optional.empty();
        }
        Delivery delivery = part.purpose() == Purpose.NOTICE
                ? new Delivery(part.messageId(), PartState.FAILED, Optional.of("not sent again: the instance sending this notice stopped"))
                : sendOne(part, part.messageId());
        if (delivery.state() == PartState.SENDING) {
            // held back again: back to SENDING with its new time, a fresh part for the next round
            jdbc.sql("update outbound_part set state = :sending where id = :id and state = :retrying")
                    .param("sending", PartState.SENDING.name()).param("id", part.id()).param("retrying", PartState.RETRYING.name())
                    .update();
        } else {
            mark(part.id(), delivery);
        }
        log.info("Part {} of message {} to {} sent by the reconciler: {}", part.number(), part.messageId(), part.to(), delivery.state());
        return Optional.of(delivery);
    }

    /** Parts whose retrier died mid-send: recorded as failed rather than sent a second time. */
    public int giveUpAbandonedRetries(Instant staleBefore) {
        return jdbc.sql("""
                        update outbound_part set state = :failed, reason = :reason, updated_at = :now
                         where state = :retrying and updated_at < :staleBefore""")
                .param("failed", PartState.FAILED.name())
                .param("reason", "not sent again: the instance retrying it stopped, and a part is never sent twice")
                .param("now", Utc.of(clock.instant()))
                .param("retrying", PartState.RETRYING.name())
                .param("staleBefore", Utc.of(staleBefore))
                .update();
    }

    /** Whether the answer to this inbound message was recorded for sending (whatever became of it). */
    public boolean hasReplyTo(ChannelIdentity citizen, String claimKey) {
        return jdbc.sql("""
                        select count(*) from outbound_part
                         where channel = :channel and account = :account and citizen_id = :citizen
                           and in_reply_to = :key and purpose = :purpose""")
                .param("channel", citizen.channel().wireName())
                .param("account", citizen.account())
                .param("citizen", citizen.citizenId())
                .param("key", claimKey)
                .param("purpose", Purpose.REPLY.name())
                .query(Integer.class)
                .single() > 0;
    }

    /** One part through its platform: may we, then send, answered as a delivery; SENDING when held back. */
    private Delivery sendOne(OutboundPart part, String messageId) {
        Optional<ChannelPlatform> platform = platform(part.to().channel());
        if (platform.isEmpty()) {
            return new Delivery(messageId, PartState.FAILED, Optional.of("no " + part.to().channel() + " platform here"));
        }
        SendPermission permission;
        try {
            permission = platform.get().mayWeSend(part.to(), part.purpose(), clock.instant());
        } catch (RuntimeException e) {
            // The allowance's store (Redis) is away: a failed send like any other, never a part left SENDING.
            return new Delivery(messageId, PartState.FAILED,
                    Optional.of("send allowance unavailable (" + e.getClass().getSimpleName() + ")"));
        }
        if (permission instanceof SendPermission.Refused refused) {
            return new Delivery(messageId, PartState.NOT_DELIVERED, Optional.of(refused.reason()));
        }
        if (permission instanceof SendPermission.NotBefore later) {
            holdBack(part.id(), later.when());
            return new Delivery(messageId, PartState.SENDING, Optional.of("held back until " + later.when()));
        }
        PlatformAnswer answer;
        try {
            answer = platform.get().send(part);
        } catch (RuntimeException e) {
            answer = new PlatformAnswer.Failed("send failed (" + e.getClass().getSimpleName() + ")");
        }
        return settle(part.id(), messageId, answer);
    }

    private Delivery settle(long id, String messageId, PlatformAnswer answer) {
        Delivery delivery = toDelivery(messageId, answer);
        mark(id, delivery);
        if (answer instanceof PlatformAnswer.Accepted accepted && accepted.platformId().isPresent()) {
            jdbc.sql("update outbound_part set platform_id = :platformId where id = :id")
                    .param("platformId", accepted.platformId().get()).param("id", id).update();
        }
        return delivery;
    }

    private static Delivery toDelivery(String messageId, PlatformAnswer answer) {
        if (answer instanceof PlatformAnswer.Refused refused) {
            return new Delivery(messageId, PartState.NOT_DELIVERED, Optional.of(refused.reason()));
        }
        if (answer instanceof PlatformAnswer.Failed failed) {
            return new Delivery(messageId, PartState.FAILED, Optional.of(failed.reason()));
        }
        return Delivery.sent(messageId);
    }

    private Optional<Instant> heldUntil(long id) {
        return jdbc.sql("select not_before from outbound_part where id = :id").param("id", id)
                .query((rs, n) -> Optional.ofNullable(Utc.instant(rs, "not_before"))).single();
    }

    private void holdBack(long id, Instant until) {
        jdbc.sql("update outbound_part set not_before = :until, updated_at = :now where id = :id")
                .param("until", Utc.of(until)).param("now", Utc.of(clock.instant())).param("id", id).update();
    }

    private OutboundMessage insert(String messageId, Optional<ConversationId> conversation, ChannelIdentity to, List<String> parts,
                                   Purpose purpose, Optional<String> inReplyTo, Optional<String> kind, Instant at) {
        List<Long> ids = new ArrayList<>();
        int partNo = 1;
        for (String part : parts) {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                            insert into outbound_part (message_id, conversation_id, channel, account, citizen_id, purpose, reply_kind,
                                                       in_reply_to, part_no, text, state, created_at, updated_at)
                            values (:message, :conversation, :channel, :account, :citizen, :purpose, :kind, :inReplyTo, :partNo, :text,
                                    :state, :at, :now)""")
                    .param("message", messageId)
                    .param("conversation", conversation.map(ConversationId::toString).orElse(null))
                    .param("channel", to.channel().wireName())
                    .param("account", to.account())
                    .param("citizen", to.citizenId())
                    .param("purpose", purpose.name())
                    .param("kind", kind.orElse(null))
                    .param("inReplyTo", inReplyTo.orElse(null))
                    .param("partNo", partNo++)
                    .param("text", part)
                    .param("state", PartState.SENDING.name())
                    .param("at", Utc.of(at))
                    .param("now", Utc.of(clock.instant()))
                    .update(key, "id");
            ids.add(key.getKeyAs(Number.class).longValue());
        }
        return new OutboundMessage(messageId, to, ids);
    }

    private static final String SELECT = """
            select id, message_id, channel, account, citizen_id, purpose, reply_kind, part_no, text, created_at from outbound_part
            """;

    private OutboundPart load(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query((rs, n) -> part(rs)).single();
    }

    private static OutboundPart part(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new OutboundPart(rs.getLong("id"), rs.getString("message_id"),
                new ChannelIdentity(Channel.of(rs.getString("channel")), rs.getString("account"), rs.getString("citizen_id")),
                Purpose.valueOf(rs.getString("purpose")), rs.getInt("part_no"), rs.getString("text"),
                Optional.ofNullable(rs.getString("reply_kind")), Utc.instant(rs, "created_at"));
    }

    private Optional<ChannelPlatform> platform(Channel channel) {
        return Optional.ofNullable(platforms.get(channel));
    }

    private void mark(long id, Delivery delivery) {
        jdbc.sql("update outbound_part set state = :state, reason = :reason, updated_at = :now where id = :id")
                .param("state", delivery.state().name())
                .param("reason", delivery.reason().map(reason -> reason.length() > 300 ? reason.substring(0, 300) : reason).orElse(null))
                .param("now", Utc.of(clock.instant()))
                .param("id", id)
                .update();
    }
}
