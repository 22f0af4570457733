package org.lawline.retention;

import java.time.Clock;
import org.lawline.conversation.PersonalDataPurge;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Retention: every module's {@link PersonalDataPurge} behind one service, and the daily job. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(RetentionSettings.class)
class RetentionConfiguration {

    @Bean
    PersonalDataPurges personalDataPurges(ObjectProvider<PersonalDataPurge> modules, RetentionSettings settings, Clock clock) {
        return new PersonalDataPurges(modules.orderedStream().toList(), settings, clock);
    }

    @Bean
    DailyPurge dailyPurge(PersonalDataPurges purges, JdbcClient jdbc, Clock clock) {
        return new DailyPurge(purges, jdbc, clock);
    }
}
