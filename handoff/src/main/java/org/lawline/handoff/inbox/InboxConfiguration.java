package org.lawline.handoff.inbox;

import java.util.Optional;
import org.lawline.conversation.SharedRedis;
import org.lawline.handoff.escalation.LawyerMessages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The inbox's wiring: its live stream goes through the shared Redis when there is one. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class InboxConfiguration {

    @Bean
    ConsultationTranscript consultationTranscript(JdbcClient db, LawyerMessages lawyerMessages) {
        return new ConsultationTranscript(db, lawyerMessages);
    }

    @Bean
    CannedReplies cannedReplies(JdbcClient db) {
        return new CannedReplies(db);
    }

    @Bean(destroyMethod = "close")
    InboxEvents inboxEvents(ObjectProvider<SharedRedis> redis,
                            org.lawline.handoff.HandoffSettings settings) {
        return new InboxEvents(Optional.ofNullable(redis.getIfAvailable()), settings.timersKey() + ":inbox-events");
    }
}
