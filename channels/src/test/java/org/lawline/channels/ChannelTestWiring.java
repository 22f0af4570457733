package org.lawline.channels;

import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.init.DataSourceInitializer;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * What a test of one channel alone runs beside the channel's own beans: a clock a test can move,
 * a scripted engine in place of bot-core's that says back what it was asked, and the channels'
 * migrations. Imported by each channel's test application; not a {@code @Configuration}, so that
 * no scan picks it up twice.
 */
public class ChannelTestWiring {

    @Bean
    ShiftedClock clock() {
        return new ShiftedClock();
    }

    @Bean
    ScriptedConversations conversations(ApplicationEventPublisher events, ShiftedClock clock) {
        return ScriptedConversations.echoing(events, clock);
    }

    /** Flyway belongs to the config module; here the channels' migrations run as plain SQL, unchanged, in order. */
    @Bean
    DataSourceInitializer channelSchema(DataSource dataSource) {
        DataSourceInitializer initializer = new DataSourceInitializer();
        initializer.setDataSource(dataSource);
        initializer.setDatabasePopulator(new ResourceDatabasePopulator(Migrations.channels()));
        return initializer;
    }
}
