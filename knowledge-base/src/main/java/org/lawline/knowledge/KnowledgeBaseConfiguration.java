package org.lawline.knowledge;

import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.lawline.knowledge.embedding.BgeSmallZh;
import org.lawline.knowledge.embedding.QuestionVectors;
import org.lawline.knowledge.embedding.SoftmaxClassifiers;
import org.lawline.knowledge.importing.FaqFileReader;
import org.lawline.knowledge.importing.LawArticleFileReader;
import org.lawline.knowledge.law.LuceneLawArticles;
import org.lawline.knowledge.search.LuceneFaqSearch;
import org.lawline.knowledge.catalog.JdbcFaqEntries;
import org.lawline.knowledge.catalog.JdbcLawArticles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The knowledge base's beans: {@link FaqEntries} on the application's {@link DataSource}
 * (table faq_entry, created by the migration in {@code db/migration/knowledge}), the in-memory
 * {@link FaqIndex} (also the {@link FaqSearch} other modules inject; hybrid with vectors cached
 * on disk unless {@code lawline.knowledge.embeddings.enabled=false}; so is the
 * {@link LawArticleIndex}), {@link FaqImport} and
 * {@link KnowledgeBase}. Once every singleton exists (so after database migrations, before the
 * web server takes requests and before command-line runners), the bundled entries missing from
 * the database are stored and the index is built from the database; then it is refreshed every
 * {@code lawline.knowledge.index-refresh-interval} (5 seconds) when the database changed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KnowledgeSettings.class)
public class KnowledgeBaseConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    FaqEntries faqEntries(DataSource dataSource, ObjectProvider<Clock> clock) {
        return new JdbcFaqEntries(dataSource, clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * The question's vector of each turn, shared by the FAQ search, the law search and the intent
     * recogniser, and kept for recent questions; absent when embeddings are off.
     */
    @Bean
    @ConditionalOnProperty(name = "lawline.knowledge.embeddings.enabled", havingValue = "true", matchIfMissing = true)
    QuestionVectors questionVectors(KnowledgeSettings settings) {
        return new QuestionVectors(BgeSmallZh.shared(), settings.embeddings().recentQuestions());
    }

    @Bean
    FaqIndex faqIndex(KnowledgeSettings settings, Environment environment, ObjectProvider<QuestionVectors> questions) {
        if (!settings.embeddings().enabled()) {
            return LuceneFaqSearch.keywordsOnly();
        }
        return LuceneFaqSearch.hybrid(settings.embeddings().cacheOr(Optional.ofNullable(environment.getProperty("LAWLINE_HOME"))),
                questions.getObject());
    }

    /**
     * Classifiers of sentences by meaning, for recognising what a message is from labelled
     * examples; absent when embeddings are off, and then only keyword rules recognise anything.
     */
    @Bean
    @ConditionalOnProperty(name = "lawline.knowledge.embeddings.enabled", havingValue = "true", matchIfMissing = true)
    TextClassifiers textClassifiers(KnowledgeSettings settings, Environment environment, QuestionVectors questions) {
        return new SoftmaxClassifiers(questions, Optional.of(
                settings.embeddings().cacheOr(Optional.ofNullable(environment.getProperty("LAWLINE_HOME")))));
    }

    @Bean
    FaqImport faqImport(KnowledgeSettings settings) {
        return new FaqFileReader(settings.importLimits());
    }

    @Bean
    @DependsOnDatabaseInitialization
    LawArticleStore lawArticleStore(DataSource dataSource, ObjectProvider<Clock> clock) {
        return new JdbcLawArticles(dataSource, clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * Hybrid like the FAQ index, sharing its cache folder: articles are searchable by words as
     * soon as the index is built (at the first search) and by meaning once their vectors are read
     * or computed in the background. It consults the live FAQ index: an article cited by an entry
     * close to the question ranks higher, and an entry the administrators change counts at once.
     * Searched by words alone (embeddings off), it consults nothing, its ranking having been
     * measured without.
     */
    @Bean
    LawArticleIndex lawArticleIndex(KnowledgeSettings settings, Environment environment, ObjectProvider<QuestionVectors> questions,
                                    FaqIndex faqIndex) {
        if (!settings.embeddings().enabled()) {
            return new LuceneLawArticles();
        }
        return LuceneLawArticles.hybrid(Optional.of(settings.embeddings().cacheOr(Optional.ofNullable(environment.getProperty("LAWLINE_HOME")))),
                questions.getObject(), faqIndex);
    }

    @Bean
    KnowledgeBase knowledgeBase(FaqEntries faqEntries, FaqIndex faqIndex, FaqImport faqImport,
                                LawArticleStore lawArticleStore, LawArticleIndex lawArticleIndex, ApplicationEventPublisher events) {
        return new KnowledgeBase(faqEntries, faqIndex, faqImport, lawArticleStore, lawArticleIndex,
                new LawArticleFileReader(faqImport.limits()), events::publishEvent);
    }

    /** The law articles, for showing a cited article in full (查看法条) and for finding articles. */
    @Bean
    LawArticles lawArticles(KnowledgeBase knowledgeBase) {
        return knowledgeBase.lawArticles();
    }

    @Bean
    IndexUpkeep knowledgeIndexUpkeep(KnowledgeBase knowledgeBase, KnowledgeSettings settings) {
        return new IndexUpkeep(knowledgeBase, settings.seedBundledEntries(), settings.indexRefreshInterval());
    }
}
