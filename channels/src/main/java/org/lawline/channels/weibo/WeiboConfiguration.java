package org.lawline.channels.weibo;

import io.lettuce.core.api.StatefulRedisConnection;
import org.lawline.conversation.SharedRedis;
import java.time.Clock;
import org.lawline.channels.delivery.ClaimedReplies;
import org.lawline.channels.delivery.DeliveryConfiguration;
import org.lawline.channels.delivery.InboundClaims;
import org.lawline.channels.delivery.ReplyWindows;
import org.lawline.channels.delivery.Subscribers;
import org.lawline.conversation.OfficeDirectory;
import org.lawline.conversation.Conversations;
import org.lawline.knowledge.BundledKnowledge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The Weibo channel, plugged into the shared delivery: its platform (reply.json and its rules),
 * its answer to stranded pushes, and the webhook. Reply windows live in Redis when bot-core made a
 * connection for {@code lawline.redis.url}, else in this process. With no account on, the webhook
 * answers 404 and nothing calls Weibo.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WeiboSettings.class)
@Import(DeliveryConfiguration.class)
class WeiboConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WeiboConfiguration.class);

    /** How many offices a shared position is answered with. */
    private static final int OFFICES_PER_POSITION = 3;

    @Bean
    WeiboAccounts weiboAccounts(WeiboSettings settings) {
        WeiboAccounts accounts = new WeiboAccounts(settings);
        if (accounts.names().isEmpty()) {
            log.info("Weibo channel off: no account has an app secret (LAWLINE_WEIBO_APP_SECRET)");
        } else {
            log.info("Weibo channel on for accounts {}", accounts.names());
        }
        return accounts;
    }

    @Bean
    FollowerWindows weiboFollowerWindows(WeiboSettings settings,
            ObjectProvider<SharedRedis> redis) {
        ReplyWindows.Limits limits = FollowerWindows.limits(settings.replyWindow());
        StatefulRedisConnection<String, String> connection = redis.getIfAvailable() == null ? null : redis.getIfAvailable().connection();
        return new FollowerWindows(connection == null
                ? new ReplyWindows.InProcess(limits)
                : new ReplyWindows.InRedis(connection, settings.keyPrefix(), limits));
    }

    @Bean(destroyMethod = "close")
    WeiboWorkers weiboWorkers(WeiboSettings settings) {
        return new WeiboWorkers(settings.workers());
    }

    @Bean
    WeiboPlatform weiboPlatform(WeiboAccounts accounts, FollowerWindows windows, Subscribers subscribers, WeiboSettings settings,
                                WeiboWorkers workers) {
        return new WeiboPlatform(accounts, windows, subscribers, settings, workers.pool());
    }

    @Bean
    PushResponder weiboPushResponder(Conversations conversations, Subscribers subscribers) {
        return new PushResponder(conversations, new OfficeDirectory(BundledKnowledge.serviceOffices(), OFFICES_PER_POSITION), subscribers);
    }

    @Bean
    PushTurns weiboPushTurns(InboundClaims claims, ClaimedReplies replies, PushResponder responder, FollowerWindows windows,
                             WeiboWorkers workers, WeiboSettings settings, ObjectProvider<Clock> clock) {
        return new PushTurns(claims, replies, responder, windows, workers.pool(), settings.replyBudget(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    StrandedPushes weiboStrandedPushes(InboundClaims claims, ClaimedReplies replies, PushResponder responder, FollowerWindows windows,
                                       WeiboSettings settings, ObjectProvider<Clock> clock) {
        return new StrandedPushes(claims, replies, responder, windows, settings.replyWindow(), clock.getIfAvailable(Clock::systemUTC));
    }

    /** Named as component scanning would name it, so that the application's scan finds this one bean. */
    @Bean
    WeiboWebhook weiboWebhook(WeiboAccounts accounts, PushTurns turns, WeiboSettings settings, ObjectProvider<Clock> clock) {
        return new WeiboWebhook(accounts, turns, clock.getIfAvailable(Clock::systemUTC), settings);
    }
}
