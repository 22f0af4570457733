package org.lawline.handoff.escalation;

import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import org.lawline.conversation.Conversations;
import org.lawline.conversation.SharedRedis;
import org.lawline.handoff.DutyLawyers;
import org.lawline.handoff.HandoffSettings;
import org.lawline.handoff.duty.DutyRoster;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The escalation lifecycle's wiring. Pickup timers live in Redis when bot-core opened a connection
 * for {@code lawline.redis.url} (shared, not a second connection), else in this process; either
 * way the database is their backstop.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HandoffSettings.class)
public class EscalationConfiguration {


    @Bean
    Escalations escalations(JdbcClient db) {
        return new Escalations(db);
    }

    @Bean
    LawyerMessages lawyerMessages(JdbcClient db) {
        return new LawyerMessages(db);
    }

    @Bean
    PickupTimers pickupTimers(ObjectProvider<SharedRedis> redis, HandoffSettings settings) {
        StatefulRedisConnection<String, String> connection = redis.getIfAvailable() == null ? null : redis.getIfAvailable().connection();
        return connection == null ? new InProcessPickupTimers() : new RedisPickupTimers(connection, settings.timersKey());
    }

    @Bean
    DutyRoster dutyRoster(DutyLawyers lawyers, JdbcClient db, HandoffSettings settings) {
        return new DutyRoster(lawyers, db, settings);
    }

    @Bean
    PickupTimeouts pickupTimeouts(Escalations escalations, Conversations conversations, ApplicationEventPublisher events, Clock clock) {
        return new PickupTimeouts(escalations, conversations, events, clock);
    }

    @Bean
    DutyDesk dutyDesk(Escalations escalations, LawyerMessages messages, PickupTimers timers, Conversations conversations,
                      ApplicationEventPublisher events, Clock clock) {
        return new DutyDesk(escalations, messages, timers, conversations, events, clock);
    }

    @Bean
    EscalationLifecycle escalationLifecycle(Escalations escalations, PickupTimers timers, DutyRoster roster, HandoffSettings settings,
                                            ApplicationEventPublisher events, Clock clock) {
        return new EscalationLifecycle(escalations, timers, roster, settings, events, clock);
    }

    @Bean(destroyMethod = "close")
    PickupTimerPoller pickupTimerPoller(Escalations escalations, PickupTimers timers, PickupTimeouts timeouts, HandoffSettings settings,
                                        Clock clock) {
        return new PickupTimerPoller(timers, timeouts, new PickupReconciler(escalations, timers, timeouts, clock), clock,
                settings.pollInterval(), settings.reconcileEvery());
    }
}
