package org.lawline.channels.delivery;

import java.time.Clock;
import java.util.Optional;
import org.lawline.conversation.SharedRedis;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The delivery every channel shares: claims, the outbox, the reconciler, subscribers and the
 * notice router, over whatever {@link ChannelPlatform}s, {@link StrandedAnswers} and
 * {@link NoticeForms} the channels' configurations (which import this one) provide. Claims use
 * Redis in front of the database when bot-core made a connection for {@code lawline.redis.url}
 * ({@link SharedRedis}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliverySettings.class)
public class DeliveryConfiguration {

    @Bean
    BoundedDatabase boundedDatabase(DeliverySettings settings) {
        return new BoundedDatabase(settings.databaseWait(), settings.databasePause());
    }

    @Bean
    InboundClaims inboundClaims(JdbcClient jdbc, DeliverySettings settings,
                                ObjectProvider<SharedRedis> redis, BoundedDatabase database) {
        return new InboundClaims(jdbc, Optional.ofNullable(redis.getIfAvailable()).map(SharedRedis::connection), settings, database);
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, ObjectProvider<ChannelPlatform> platforms, ObjectProvider<Clock> clock) {
        return new Outbox(jdbc, platforms.orderedStream().toList(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    org.lawline.channels.ReplyDeliveries replyDeliveries(JdbcClient jdbc, ObjectProvider<ChannelPlatform> platforms) {
        return new OutboxDeliveries(jdbc, platforms.orderedStream().toList());
    }

    @Bean
    ClaimedReplies claimedReplies(InboundClaims claims, Outbox outbox, ObjectProvider<Clock> clock) {
        return new ClaimedReplies(claims, outbox, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    Subscribers subscribers(JdbcClient jdbc) {
        return new Subscribers(jdbc);
    }

    @Bean
    FollowerNumbers followerNumbers(JdbcClient jdbc) {
        return new FollowerNumbers(jdbc);
    }

    @Bean
    LaterReplies laterReplies(Outbox outbox, FollowerNumbers followers, ObjectProvider<Clock> clock) {
        return new LaterReplies(outbox, followers, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    NoticeRouter noticeSender(Outbox outbox, Subscribers subscribers, ObjectProvider<NoticeForms> forms) {
        return new NoticeRouter(outbox, subscribers, forms.orderedStream().toList());
    }

    /** Every second: a citizen's retry within the platform's window should find the row once the database is back. */
    @Bean(destroyMethod = "close")
    HeldWrites heldWrites(InboundClaims claims, Outbox outbox) {
        HeldWrites writes = new HeldWrites(claims, outbox);
        writes.start(java.time.Duration.ofSeconds(1));
        return writes;
    }

    @Bean(destroyMethod = "close")
    Reconciler reconciler(InboundClaims claims, Outbox outbox, ObjectProvider<StrandedAnswers> answers, DeliverySettings settings,
                          ObjectProvider<Clock> clock) {
        Reconciler reconciler = new Reconciler(claims, outbox, answers.orderedStream().toList(), clock.getIfAvailable(Clock::systemUTC),
                settings.lease());
        reconciler.start(settings.reconcileEvery());
        return reconciler;
    }
}
