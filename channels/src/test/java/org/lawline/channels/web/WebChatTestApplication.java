package org.lawline.channels.web;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.lawline.channels.Migrations;
import org.lawline.channels.ScriptedConversations;
import org.lawline.conversation.AnswerFeedback;
import org.lawline.conversation.transcript.JdbcAnswerFeedback;
import org.lawline.conversation.transcript.JournaledTranscripts;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.init.DataSourceInitializer;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The web chat alone: this package's beans, Boot's web and JDBC auto-configuration, an in-memory H2
 * database with our migrations applied as written, and a scripted engine in place of bot-core's.
 */
@SpringBootApplication
class WebChatTestApplication {

    @Bean
    ScriptedConversations conversations(ApplicationEventPublisher events, Clock clock) {
        return ScriptedConversations.answeringNothing(events, clock);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Flyway belongs to the config module; here the channels' migrations run as plain SQL,
     * unchanged, in order, with bot-core's (the transcript, which feedback on answers names).
     */
    @Bean
    DataSourceInitializer webChatSchema(DataSource dataSource) {
        DataSourceInitializer initializer = new DataSourceInitializer();
        initializer.setDataSource(dataSource);
        initializer.setDatabasePopulator(new ResourceDatabasePopulator(
                Migrations.of("channels", "conversation")));
        return initializer;
    }

    /** bot-core's own transcript writer and feedback store, over the test database. */
    @Bean(destroyMethod = "close")
    JournaledTranscripts transcripts(DataSource dataSource, ScriptedConversations conversations) throws IOException {
        JournaledTranscripts transcripts = new JournaledTranscripts(dataSource, Files.createTempDirectory("web-transcripts"), 200,
                Duration.ofSeconds(1));
        conversations.transcribeTo(transcripts);
        return transcripts;
    }

    @Bean
    AnswerFeedback answerFeedback(DataSource dataSource) {
        return new JdbcAnswerFeedback(dataSource, Duration.ofSeconds(2));
    }
}
