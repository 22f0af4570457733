package org.lawline.handoff.inbox;

import io.lettuce.core.RedisClient;
import java.util.Optional;
import org.lawline.handoff.escalation.LawyerMessages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The inbox's wiring: its live stream uses bot-core's Redis client when there is one. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class InboxConfiguration {

    /** bot-core's client bean, present when Redis is configured. */
    static final String REDIS_CLIENT = "conversationRedisClient";

    @Bean
    ConsultationTranscript consultationTranscript(JdbcClient db, LawyerMessages lawyerMessages) {
        return new ConsultationTranscript(db, lawyerMessages);
    }

    @Bean
    CannedReplies cannedReplies(JdbcClient db) {
        return new CannedReplies(db);
    }

    @Bean(destroyMethod = "close")
    InboxEvents inboxEvents(@Qualifier(REDIS_CLIENT) ObjectProvider<RedisClient> redis,
                            org.lawline.handoff.HandoffSettings settings) {
        return new InboxEvents(Optional.ofNullable(redis.getIfAvailable()), settings.timersKey() + ":inbox-events");
    }
}
