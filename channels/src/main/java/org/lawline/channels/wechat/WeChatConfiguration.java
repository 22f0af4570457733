package org.lawline.channels.wechat;

import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.util.Optional;
import org.lawline.conversation.Conversations;
import org.lawline.knowledge.BundledKnowledge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The WeChat channel's wiring. Shared state (message claims, access tokens, customer-service
 * allowances) lives in Redis when bot-core made a connection for {@code lawline.redis.url}
 * (bean {@code conversationRedisConnection}), else in this process and the database. With no
 * account configured the webhook answers 404 and nothing calls WeChat.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WeChatSettings.class)
class WeChatConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WeChatConfiguration.class);

    /** The bean bot-core opens when Redis is configured; shared rather than a second connection. */
    static final String REDIS_CONNECTION = "conversationRedisConnection";

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
                                    @Qualifier(REDIS_CONNECTION) ObjectProvider<StatefulRedisConnection<String, String>> redis) {
        StatefulRedisConnection<String, String> connection = redis.getIfAvailable();
        return connection == null
                ? new AccessTokens.InProcess()
                : new AccessTokens.InRedis(connection, settings.keyPrefix(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    CustomerServiceBudget weChatCustomerServiceBudget(WeChatSettings settings,
            @Qualifier(REDIS_CONNECTION) ObjectProvider<StatefulRedisConnection<String, String>> redis) {
        StatefulRedisConnection<String, String> connection = redis.getIfAvailable();
        return connection == null
                ? new CustomerServiceBudget.InProcess(settings.customerService())
                : new CustomerServiceBudget.InRedis(connection, settings.keyPrefix(), settings.customerService());
    }

    @Bean
    MessageClaims weChatMessageClaims(JdbcClient jdbc, WeChatSettings settings,
            @Qualifier(REDIS_CONNECTION) ObjectProvider<StatefulRedisConnection<String, String>> redis) {
        return new MessageClaims(jdbc, Optional.ofNullable(redis.getIfAvailable()), settings.keyPrefix(), settings.claimTtl());
    }

    @Bean(destroyMethod = "close")
    Workers weChatWorkers(WeChatSettings settings) {
        return new Workers(settings.workers());
    }

    @Bean
    Followers weChatFollowers(JdbcClient jdbc) {
        return new Followers(jdbc);
    }

    @Bean
    Outbox weChatOutbox(JdbcClient jdbc, WeChatAccounts accounts, CustomerServiceBudget budget, ObjectProvider<Clock> clock) {
        return new Outbox(jdbc, accounts, budget, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    Responder weChatResponder(Conversations conversations, Followers followers) {
        return new Responder(conversations, new NearestOffices(BundledKnowledge.serviceOffices(), NEAREST_OFFICES), followers);
    }

    @Bean
    Exchange weChatExchange(MessageClaims claims, Responder responder, Outbox outbox, CustomerServiceBudget budget,
                            Workers workers, WeChatSettings settings,
                            ObjectProvider<Clock> clock) {
        return new Exchange(claims, responder, outbox, budget, workers.executor(), settings.replyBudget(), clock.getIfAvailable(Clock::systemUTC));
    }

    /** Runs only when an account is on: without one, nothing can be left unfinished. */
    @Bean(destroyMethod = "close")
    Reconciler weChatReconciler(MessageClaims claims, Outbox outbox, Responder responder, Exchange exchange,
                                CustomerServiceBudget budget, WeChatAccounts accounts, WeChatSettings settings,
                                ObjectProvider<Clock> clock) {
        Reconciler reconciler = new Reconciler(claims, outbox, responder, exchange, budget, clock.getIfAvailable(Clock::systemUTC),
                settings.reconcileAfter(), settings.customerService().window());
        if (!accounts.isEmpty()) {
            reconciler.start(settings.reconcileEvery());
        }
        return reconciler;
    }

    @Bean
    LaterMessages weChatLaterMessages(WeChatAccounts accounts, Outbox outbox,
                                      Workers workers) {
        return new LaterMessages(accounts, outbox, workers.executor());
    }

    @Bean
    MenuPublisher weChatMenus(WeChatAccounts accounts) {
        return new MenuPublisher(accounts);
    }

    @Bean
    TemplateNotices weChatNotices(WeChatAccounts accounts, Outbox outbox, Followers followers) {
        return new TemplateNotices(accounts, outbox, followers);
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
