package org.lawline.knowledge;

import java.time.Clock;
import javax.sql.DataSource;
import org.lawline.knowledge.catalog.JdbcFaqEntries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The knowledge base's beans: {@link FaqEntries} on the application's {@link DataSource}
 * (table faq_entry, created by the migration in {@code db/migration/knowledge}), the in-memory
 * {@link FaqIndex} (also the {@link FaqSearch} other modules inject), {@link FaqImport} and
 * {@link KnowledgeBase}. Once every singleton exists (so after database migrations, before the
 * web server takes requests and before command-line runners), the bundled entries missing from
 * the database are stored and the index is built from the database; then it is refreshed every
 * {@code lawline.knowledge.index-refresh-interval} (1 minute) when the database changed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KnowledgeSettings.class)
public class KnowledgeBaseConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    FaqEntries faqEntries(DataSource dataSource, ObjectProvider<Clock> clock) {
        return new JdbcFaqEntries(dataSource, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    FaqIndex faqIndex() {
        return FaqIndex.inMemory();
    }

    @Bean
    FaqImport faqImport(KnowledgeSettings settings) {
        return new FaqImport(settings.importLimits());
    }

    @Bean
    KnowledgeBase knowledgeBase(FaqEntries faqEntries, FaqIndex faqIndex, FaqImport faqImport) {
        return new KnowledgeBase(faqEntries, faqIndex, faqImport);
    }

    @Bean
    IndexUpkeep knowledgeIndexUpkeep(KnowledgeBase knowledgeBase, KnowledgeSettings settings) {
        return new IndexUpkeep(knowledgeBase, settings.seedBundledEntries(), settings.indexRefreshInterval());
    }
}
