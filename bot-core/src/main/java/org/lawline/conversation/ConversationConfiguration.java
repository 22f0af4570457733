package org.lawline.conversation;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.lawline.conversation.dialog.ConversationEngine;
import org.lawline.conversation.state.InMemoryConversationStore;
import org.lawline.conversation.state.ConversationTurns;
import org.lawline.conversation.state.PausingRedis;
import org.lawline.conversation.state.RedisConversationStore;
import org.lawline.conversation.state.RedisConversationTurns;
import org.lawline.conversation.state.StoreTurns;
import org.lawline.conversation.transcript.JournaledEvents;
import org.lawline.conversation.transcript.JdbcAnswerFeedback;
import org.lawline.conversation.transcript.JournaledTranscripts;
import org.lawline.conversation.transcript.TranscriptPurge;
import org.lawline.conversation.transcript.Transcripts;
import org.lawline.knowledge.FaqSearch;
import org.lawline.knowledge.LawArticles;
import org.lawline.knowledge.TextClassifiers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The conversation engine's wiring. Provides {@link Conversations} and a {@link ConversationStore}:
 * in Redis when {@value #REDIS_URL} is set to a non-blank URL (the application maps
 * {@code LAWLINE_REDIS_URL} to it), else in this process. Needs a {@link FaqSearch} from the
 * context; uses the context's {@link LawArticles} (for 查看法条), {@link TextClassifiers} (to
 * recognise danger, requests for a person and referrals by meaning) and {@link Clock} if there are.
 *
 * <p>With Redis, the client, its resources and its connection are beans of their own, named
 * {@code conversationRedisClient}, {@code conversationRedisResources} and
 * {@code conversationRedisConnection}, closed when the context closes; turns are leases in Redis
 * ({@code RedisConversationTurns}), so several instances can share the conversations. The connection is opened at startup, so a wrong URL or an unreachable Redis stops the
 * application at once rather than at the first citizen's message.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DialogSettings.class, ConversationStoreSettings.class, LegalAidSettings.class, TranscriptSettings.class})
public class ConversationConfiguration {

    /** The property that selects the Redis store. Its value may hold a password: never log it. */
    public static final String REDIS_URL = "lawline.redis.url";

    /** Law articles are optional: a context without them still converses, and 查看法条 says they cannot be shown. */
    @Bean
    Conversations conversations(FaqSearch faqs, ObjectProvider<LawArticles> lawArticles, ObjectProvider<TextClassifiers> classifiers,
                                ConversationStore conversationStore, ConversationTurns conversationTurns,
                                EventRoute conversationEvents, DialogSettings settings, LegalAidSettings legalAid,
                                ObjectProvider<Clock> clock, Transcripts conversationTranscripts) {
        return new ConversationEngine(faqs, Optional.ofNullable(lawArticles.getIfAvailable()),
                Optional.ofNullable(classifiers.getIfAvailable()), conversationStore, conversationTurns,
                conversationEvents::publish, settings, legalAid, clock.getIfAvailable(Clock::systemUTC), conversationTranscripts);
    }

    /**
     * With a database, the events other modules act on are journaled beside the transcripts (under
     * {@code events/} in the transcript journal's directory) and delivered at least once; without
     * one, they go straight to the listeners.
     */
    @Bean
    EventRoute conversationEvents(ObjectProvider<DataSource> dataSource, ApplicationEventPublisher context, TranscriptSettings settings) {
        if (dataSource.getIfAvailable() == null) {
            return new EventRoute(Optional.empty(), context);
        }
        return new EventRoute(Optional.of(new JournaledEvents(context, settings.journalDir().resolve("events"), settings.longestPause())),
                context);
    }

    /**
     * With a database, every turn is journaled on local disk and copied into
     * {@code conversation_turn} (created by the config module's Flyway); without one, turns are
     * not kept.
     */
    @Bean
    Transcripts conversationTranscripts(ObjectProvider<DataSource> dataSource, TranscriptSettings settings) {
        DataSource database = dataSource.getIfAvailable();
        if (database == null) {
            return Transcripts.NONE;
        }
        return new JournaledTranscripts(database, settings.journalDir(), settings.batchSize(), settings.longestPause());
    }

    /**
     * Transcripts and conversation state for the retention job and deletion on request; without a
     * database no transcript is kept, and there is nothing to purge.
     */
    @Bean
    PersonalDataPurge transcriptPurge(ObjectProvider<DataSource> dataSource, ConversationStore conversationStore,
                                      TranscriptSettings settings) {
        DataSource database = dataSource.getIfAvailable();
        return database == null ? TranscriptPurge.nothingKept()
                : new TranscriptPurge(database, conversationStore, Optional.of(settings.journalDir()));
    }

    /**
     * 有用 / 没用 on the bot's answers, kept in {@code turn_feedback} beside the transcript; without a
     * database there is no transcript to name an answer by, so none is kept.
     */
    @Bean
    AnswerFeedback answerFeedback(ObjectProvider<DataSource> dataSource) {
        DataSource database = dataSource.getIfAvailable();
        // a turn is in the database within a poll of the transcript writer (200 ms) while it is up
        return database == null ? AnswerFeedback.NONE : new JdbcAnswerFeedback(database, Duration.ofSeconds(1));
    }

    /**
     * Where the engine's events go: with a database, through the event journal, so that a listener
     * that fails (its database down) gets the event again until it succeeds; without one, straight
     * to the listeners, since nothing they could write would outlive the process anyway. Starts
     * with the context's refresh, when every listener is registered.
     *
     * <p>Its phase puts it before everything that publishes (the web server, timers, workers) at a
     * start, and after them at a stop: what they publish while they finish their work is still
     * handed over, rather than left in the journal for a restart that may not come.
     */
    static final class EventRoute implements SmartLifecycle, AutoCloseable {

        /** Below the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}) and its start and stop ({@code - 2048}). */
        static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

        private final Optional<JournaledEvents> journal;
        private final ApplicationEventPublisher context;
        private volatile boolean running;

        EventRoute(Optional<JournaledEvents> journal, ApplicationEventPublisher context) {
            this.journal = journal;
            this.context = context;
        }

        void publish(Object event) {
            if (journal.isPresent()) {
                journal.get().publish(event);
            } else {
                context.publishEvent(event);
            }
        }

        @Override
        public void start() {
            journal.ifPresent(JournaledEvents::start);
            running = true;
        }

        @Override
        public void stop() {
            journal.ifPresent(JournaledEvents::stop);
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return PHASE;
        }

        @Override
        public void close() {
            journal.ifPresent(JournaledEvents::close);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(RedisUrlSet.class)
    static class RedisStore {

        @Bean(destroyMethod = "shutdown")
        ClientResources conversationRedisResources() {
            return RedisConversationStore.clientResources();
        }

        @Bean(destroyMethod = "shutdown")
        RedisClient conversationRedisClient(Environment environment, ConversationStoreSettings settings,
                                            @Qualifier("conversationRedisResources") ClientResources resources) {
            RedisURI uri = RedisURI.create(environment.getRequiredProperty(REDIS_URL).strip());
            uri.setTimeout(settings.commandTimeout());
            RedisClient client = RedisClient.create(resources, uri);
            client.setOptions(RedisConversationStore.clientOptions(settings.commandTimeout(), settings.requestQueueSize()));
            return client;
        }

        @Bean(destroyMethod = "close")
        StatefulRedisConnection<String, String> conversationRedisConnection(
                @Qualifier("conversationRedisClient") RedisClient client) {
            return client.connect();
        }

        /** One circuit breaker for every Redis command of this process, whichever module sends it. */
        @Bean
        PausingRedis pausingRedis(@Qualifier("conversationRedisConnection") StatefulRedisConnection<String, String> connection,
                                  ConversationStoreSettings settings) {
            return new PausingRedis(connection, settings.retryAfter());
        }

        /** The connection for every module, by type: its commands pass the circuit breaker. */
        @Bean
        SharedRedis sharedRedis(PausingRedis redis, @Qualifier("conversationRedisClient") RedisClient client) {
            return new SharedRedis(redis.connection(), client::connectPubSub);
        }

        @Bean
        ConversationStore conversationStore(PausingRedis redis, ConversationStoreSettings settings) {
            return new RedisConversationStore(redis.connection(), settings.keyPrefix(), settings.ttl());
        }

        /** Shared by every instance: a turn is a lease in Redis; a failing Redis is left alone for a moment (the breaker). */
        @Bean
        ConversationTurns conversationTurns(PausingRedis redis, ConversationStoreSettings settings) {
            return new RedisConversationTurns(redis.connection(), settings.keyPrefix(), settings.ttl(),
                    settings.turnLease(), settings.turnWait());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(RedisUrlNotSet.class)
    static class InMemoryStore {

        @Bean
        ConversationStore conversationStore(ConversationStoreSettings settings, ObjectProvider<Clock> clock) {
            return new InMemoryConversationStore(clock.getIfAvailable(Clock::systemUTC), settings.ttl(), settings.maxInMemory());
        }

        /** One process: the engine's own lock is all the turn-taking needed. */
        @Bean
        ConversationTurns conversationTurns(ConversationStore conversationStore) {
            return new StoreTurns(conversationStore);
        }
    }

    /**
     * Set and not blank. Boot's {@code @ConditionalOnProperty} would match the empty string that
     * {@code ${LAWLINE_REDIS_URL:}} yields when the variable is unset.
     */
    static final class RedisUrlSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(REDIS_URL));
        }
    }

    static final class RedisUrlNotSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new RedisUrlSet().matches(context, metadata);
        }
    }
}
