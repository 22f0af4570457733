package org.lawline.channels.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.channels.SharedInfrastructure;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.EventId;
import org.lawline.conversation.Reply;
import org.lawline.conversation.ReplyComposed;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox against the real Redis and PostgreSQL, when an allowance's store fails or a platform holds a message back. */
class OutboxFaultsIT {

    private static final ReplyWindows.Limits WINDOWS = new ReplyWindows.Limits(Duration.ofHours(48), 5, 3, Duration.ofMinutes(1));

    private SharedInfrastructure shared;
    private JdbcClient jdbc;
    private ChannelIdentity citizen;

    @BeforeEach
    void start() throws Exception {
        shared = new SharedInfrastructure(SharedInfrastructure.Database.POSTGRES);
        jdbc = JdbcClient.create(shared.dataSource);
        citizen = new ChannelIdentity(Channel.WEIBO, "lawline", "u" + shared.runId);
    }

    @AfterEach
    void stop() throws Exception {
        shared.close();
    }

    @Test
    void aRedisErrorInTheSendAllowanceFailsThePartLikeAnyOtherSendFailure() {
        RedisClient client = RedisClient.create(SharedInfrastructure.REDIS_URL);
        StatefulRedisConnection<String, String> lost = client.connect();
        ReplyWindows windows = new ReplyWindows.InRedis(lost, shared.keyPrefix, WINDOWS);
        windows.citizenWrote(citizen, Instant.now());
        lost.close();
        client.shutdown();
        WindowedPlatform platform = new WindowedPlatform(windows);
        Outbox outbox = new Outbox(jdbc, List.of(platform), Clock.systemUTC());

        Delivery delivery = outbox.send(citizen, "律师已回复您的咨询。", Purpose.PUSH, Optional.empty());

        assertThat(delivery.state()).isEqualTo(PartState.FAILED);
        assertThat(delivery.reason().orElseThrow()).contains("send allowance unavailable");
        assertThat(states()).containsExactly("FAILED");
        assertThat(platform.sent).isEmpty();
    }

    @Test
    void aMessageHeldBackForQuietHoursWaitsAndIsSentByTheReconcilerWhenItsTimeHasCome() {
        ReplyWindows windows = new ReplyWindows.InRedis(shared.redis, shared.keyPrefix, WINDOWS);
        windows.citizenWrote(citizen, Instant.now());
        Instant morning = Instant.now().plusSeconds(3600);
        WindowedPlatform platform = new WindowedPlatform(windows);
        platform.publicityNotBefore = Optional.of(morning);
        MovableClock clock = new MovableClock(Instant.now());
        Outbox outbox = new Outbox(jdbc, List.of(platform), clock);
        InboundClaims claims = new InboundClaims(jdbc, Optional.of(shared.redis), DeliverySettings.defaults());
        Reconciler reconciler = new Reconciler(claims, outbox, List.of(), clock, Duration.ofMinutes(2));

        Delivery delivery = outbox.send(citizen, "普法：劳动合同到期不续签，用人单位应支付经济补偿。第二句。", Purpose.PUBLICITY, Optional.empty());

        assertThat(delivery.state()).isEqualTo(PartState.SENDING);
        assertThat(reconciler.reconcile().partsSent()).as("not before its time").isZero();
        assertThat(platform.sent).isEmpty();

        platform.publicityNotBefore = Optional.empty();
        clock.now = morning.plusSeconds(1);
        assertThat(reconciler.reconcile().partsSent()).isEqualTo(1);
        assertThat(platform.sent).hasSize(1);
        assertThat(states()).containsExactly("SENT");
    }

    @Test
    void aMessageWhosePlatformsPoolIsFullStaysSendingAndTheReconcilerSendsItAfterTheLease() {
        ReplyWindows windows = new ReplyWindows.InRedis(shared.redis, shared.keyPrefix, WINDOWS);
        windows.citizenWrote(citizen, Instant.now());
        WindowedPlatform platform = new WindowedPlatform(windows);
        platform.full = true;
        MovableClock clock = new MovableClock(Instant.now());
        Outbox outbox = new Outbox(jdbc, List.of(platform), clock);
        Reconciler reconciler = new Reconciler(new InboundClaims(jdbc, Optional.of(shared.redis), DeliverySettings.defaults()),
                outbox, List.of(), clock, Duration.ofMinutes(2));

        outbox.deliverSoon(outbox.record(citizen, "值班律师：请带上劳动合同来所里面谈。", Purpose.PUSH, Optional.empty()));

        assertThat(states()).containsExactly("SENDING");
        assertThat(reconciler.reconcile().partsSent()).as("still within the lease").isZero();
        clock.now = clock.now.plus(Duration.ofMinutes(3));
        assertThat(reconciler.reconcile().partsSent()).isEqualTo(1);
        assertThat(platform.sent).hasSize(1);
        assertThat(states()).containsExactly("SENT");
    }

    @Test
    void aReplyHeardTwiceIsRecordedAndSentOnce_andItsDeliveryNamesTheReplyAndTheConsultation() {
        ReplyWindows windows = new ReplyWindows.InRedis(shared.redis, shared.keyPrefix, WINDOWS);
        windows.citizenWrote(citizen, Instant.now());
        WindowedPlatform platform = new WindowedPlatform(windows);
        Outbox outbox = new Outbox(jdbc, List.of(platform), Clock.systemUTC());
        ReplyComposed composed = new ReplyComposed(EventId.next(), ConversationId.next(), citizen, Optional.empty(),
                new Reply.Handoff("值班律师：请带上劳动合同来所里面谈。", DialogState.WITH_LAWYER), Instant.now());

        OutboundMessage first = outbox.recordOnce(composed, Purpose.PUSH).orElseThrow();
        Optional<OutboundMessage> again = outbox.recordOnce(composed, Purpose.PUSH);
        Delivery delivery = outbox.deliver(first);

        assertThat(again).isEmpty();
        assertThat(delivery.messageId()).isEqualTo(composed.replyId().toString());
        assertThat(delivery.isSent()).isTrue();
        assertThat(platform.sent).hasSize(1);
        assertThat(jdbc.sql("select conversation_id from outbound_part where citizen_id = :c").param("c", citizen.citizenId())
                .query(String.class).list()).containsExactly(composed.conversation().toString());
    }

    private List<String> states() {
        return jdbc.sql("select state from outbound_part where citizen_id = :c order by id").param("c", citizen.citizenId())
                .query(String.class).list();
    }

    /**
     * A platform with Weibo's rules as the SPI states them: 48 hours after the citizen's last
     * message, and publicity held back to a given hour.
     */
    private static final class WindowedPlatform implements ChannelPlatform {
        private final ReplyWindows windows;
        private final List<OutboundPart> sent = new ArrayList<>();
        private volatile Optional<Instant> publicityNotBefore = Optional.empty();
        private volatile boolean full;

        WindowedPlatform(ReplyWindows windows) {
            this.windows = windows;
        }

        @Override
        public Channel channel() {
            return Channel.WEIBO;
        }

        @Override
        public PartLimit partLimit() {
            return PartLimit.characters(300);
        }

        @Override
        public SendPermission mayWeSend(ChannelIdentity to, Purpose purpose, Instant now) {
            if (purpose == Purpose.PUBLICITY && publicityNotBefore.isPresent()) {
                return new SendPermission.NotBefore(publicityNotBefore.get());
            }
            return windows.use(to, now) == ReplyWindows.Verdict.ALLOWED
                    ? SendPermission.allowed()
                    : new SendPermission.Refused("the citizen has to write again");
        }

        @Override
        public PlatformAnswer send(OutboundPart part) {
            sent.add(part);
            return PlatformAnswer.accepted();
        }

        @Override
        public Executor dispatcher() {
            return task -> {
                if (full) {
                    throw new RejectedExecutionException("every worker busy");
                }
                task.run();
            };
        }
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
