package org.lawline.channels.weibo;

import java.time.Clock;
import javax.sql.DataSource;
import org.lawline.channels.Migrations;
import org.lawline.channels.ScriptedConversations;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.init.DataSourceInitializer;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The Weibo channel alone: this package's beans, Boot's web and JDBC auto-configuration, an
 * in-memory H2 database with the channels' migrations as written, and a scripted engine in place
 * of bot-core's. No Redis bean: the single-machine default (claims in the database, windows in
 * process).
 */
@SpringBootApplication
class WeiboTestApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ScriptedConversations conversations(ApplicationEventPublisher events, Clock clock) {
        return ScriptedConversations.echoing(events, clock);
    }

    @Bean
    DataSourceInitializer weiboSchema(DataSource dataSource) {
        DataSourceInitializer schema = new DataSourceInitializer();
        schema.setDataSource(dataSource);
        schema.setDatabasePopulator(new ResourceDatabasePopulator(Migrations.channels()));
        return schema;
    }
}
