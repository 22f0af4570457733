package org.lawline.channels.wechat;

import javax.sql.DataSource;
import org.lawline.channels.Migrations;
import org.lawline.channels.ScriptedConversations;
import org.lawline.channels.ShiftedClock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.init.DataSourceInitializer;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The WeChat channel alone: this package's beans, Boot's web and JDBC auto-configuration, an
 * in-memory H2 database with our migrations applied as written, and a scripted engine in place of
 * bot-core's. No Redis bean: the single-machine default (claims in the database, tokens and
 * allowances in process).
 */
@SpringBootApplication
class WeChatTestApplication {

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
    DataSourceInitializer weChatSchema(DataSource dataSource) {
        DataSourceInitializer initializer = new DataSourceInitializer();
        initializer.setDataSource(dataSource);
        initializer.setDatabasePopulator(new ResourceDatabasePopulator(
                Migrations.channels()));
        return initializer;
    }
}
