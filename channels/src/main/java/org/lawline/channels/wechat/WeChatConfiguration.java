package org.lawline.channels.wechat;

import org.lawline.conversation.OfficeDirectory;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import org.lawline.channels.delivery.ClaimedReplies;
import org.lawline.channels.delivery.DeliveryConfiguration;
import org.lawline.channels.delivery.InboundClaims;
import org.lawline.channels.delivery.Outbox;
import org.lawline.channels.delivery.ReplyWindows;
import org.lawline.channels.delivery.Subscribers;
import org.lawline.conversation.AnswerFeedback;
import org.lawline.conversation.Conversations;
import org.lawline.conversation.SharedRedis;
import org.lawline.knowledge.BundledKnowledge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The WeChat channel's wiring, plugged into the shared delivery ({@link DeliveryConfiguration}).
 * Shared state (access tokens, customer-service allowances; the delivery's claims) lives in Redis when bot-core made a connection for {@code lawline.redis.url}
 * ({@link SharedRedis}), else in this process and the database. With no
 * account configured the webhook answers 404 and nothing calls WeChat.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WeChatSettings.class)
@Import(DeliveryConfiguration.class)
class WeChatConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WeChatConfiguration.class);

    private static final String WXJAVA_LOGGER = "me.chanjar.weixin";

    /** How many offices a shared location is answered with. */
    private static final int NEAREST_OFFICES = 3;

    @Bean
    WeChatAccounts weChatAccounts(WeChatSettings settings, AccessTokens tokens, ObjectProvider<Clock> clock) {
        WeChatAccounts accounts = new WeChatAccounts(settings, tokens, clock.getIfAvailable(Clock::systemUTC));
        if (accounts.isEmpty()) {
            log.info("WeChat channel off: no account has an app id (LAWLINE_WECHAT_APP_ID)");
        } else {
            log.info("WeChat channel on for accounts {}", accounts.names());
        }
        return accounts;
    }

    @Bean
    AccessTokens weChatAccessTokens(WeChatSettings settings, ObjectProvider<Clock> clock,
                                    ObjectProvider<SharedRedis> redis) {
        StatefulRedisConnection<String, String> connection = redis.getIfAvailable() == null ? null : redis.getIfAvailable().connection();
        return connection == null
                ? new AccessTokens.InProcess()
                : new AccessTokens.InRedis(connection, settings.keyPrefix(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    WeChatWindows weChatWindows(WeChatSettings settings,
            ObjectProvider<SharedRedis> redis) {
        StatefulRedisConnection<String, String> connection = redis.getIfAvailable() == null ? null : redis.getIfAvailable().connection();
        ReplyWindows.Limits limits = settings.customerService().asWindowLimits();
        return new WeChatWindows(connection == null
                ? new ReplyWindows.InProcess(limits)
                : new ReplyWindows.InRedis(connection, settings.keyPrefix(), limits));
    }

    @Bean(destroyMethod = "close")
    Workers weChatWorkers(WeChatSettings settings) {
        return new Workers(settings.workers());
    }

    @Bean
    WeChatPlatform weChatPlatform(WeChatAccounts accounts, WeChatWindows windows, Workers workers) {
        return new WeChatPlatform(accounts, windows.windows(), workers.executor());
    }

    @Bean
    JobReports weChatJobReports(JdbcClient jdbc, Outbox outbox) {
        return new JobReports(jdbc, outbox);
    }

    @Bean
    Responder weChatResponder(Conversations conversations, Subscribers subscribers, JobReports reports,
                              ObjectProvider<AnswerFeedback> feedback) {
        return new Responder(conversations, new OfficeDirectory(BundledKnowledge.serviceOffices(), NEAREST_OFFICES), subscribers, reports,
                feedback.getIfAvailable(() -> AnswerFeedback.NONE));
    }

    @Bean
    Exchange weChatExchange(InboundClaims claims, ClaimedReplies replies, Responder responder, WeChatWindows windows,
                            Workers workers, WeChatSettings settings, ObjectProvider<Clock> clock) {
        return new Exchange(claims, replies, responder, windows.windows(), workers.executor(), settings.replyBudget(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    StrandedMessages weChatStrandedMessages(InboundClaims claims, ClaimedReplies replies, Responder responder, WeChatWindows windows,
                                            WeChatSettings settings, ObjectProvider<Clock> clock) {
        return new StrandedMessages(claims, replies, responder, windows.windows(), clock.getIfAvailable(Clock::systemUTC),
                settings.customerService().window());
    }

    @Bean
    MenuPublisher weChatMenus(WeChatAccounts accounts) {
        return new MenuPublisher(accounts);
    }

    @Bean
    WeChatTemplates weChatTemplates(WeChatAccounts accounts, Outbox outbox) {
        return new WeChatTemplates(accounts, outbox);
    }

    /**
     * WxJava logs request URLs with the access_token, and request bodies with openids and message
     * text, at WARN and DEBUG. Unless someone configured its level on purpose, only its errors
     * (which carry neither) are logged.
     */
    @Bean
    static org.springframework.beans.factory.SmartInitializingSingleton weChatClientLogging() {
        return () -> {
            LoggingSystem logging = LoggingSystem.get(WeChatConfiguration.class.getClassLoader());
            LoggerConfiguration current = logging.getLoggerConfiguration(WXJAVA_LOGGER);
            if (current == null || current.getConfiguredLevel() == null) {
                logging.setLogLevel(WXJAVA_LOGGER, LogLevel.ERROR);
            }
        };
    }

    @Bean
    WeChatWebhook weChatWebhook(WeChatAccounts accounts, Exchange exchange, ObjectProvider<Clock> clock, WeChatSettings settings) {
        return new WeChatWebhook(accounts, exchange, clock.getIfAvailable(Clock::systemUTC), settings);
    }
}
