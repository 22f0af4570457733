package org.lawline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawline.knowledge.embedding.QuestionVectors;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The wiring, in a bare application context (no auto-configuration, no web server): the
 * application provides the DataSource, the knowledge base provides the rest and fills itself.
 */
class KnowledgeBaseConfigurationTest {

    @TempDir
    static Path embeddings;

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Database.class, KnowledgeBaseConfiguration.class)
            .withPropertyValues("lawline.knowledge.embeddings.cache=" + embeddings);

    @Test
    void startingSeedsTheDatabaseAndBuildsTheIndex() {
        context.run(app -> {
            assertThat(app).hasNotFailed();
            int bundled = BundledKnowledge.faqEntries().size();
            assertThat(app.getBean(FaqEntries.class).count()).isEqualTo(bundled);
            assertThat(app.getBean(FaqIndex.class).size()).isEqualTo(bundled);
            assertThat(app.getBean(FaqSearch.class).search("老板拖欠工资", 1)).isNotEmpty();
            assertThat(app.getBean(KnowledgeBase.class).search()).isSameAs(app.getBean(FaqSearch.class));
        });
    }

    @Test
    void seedingCanBeTurnedOff() {
        context.withPropertyValues("lawline.knowledge.seed-bundled-entries=false").run(app -> {
            assertThat(app.getBean(FaqEntries.class).count()).isZero();
            assertThat(app.getBean(FaqSearch.class).search("老板拖欠工资", 1)).isEmpty();
        });
    }

    @Test
    void theIndexFollowsChangesMadeElsewhereOnSchedule() {
        context.withPropertyValues("lawline.knowledge.index-refresh-interval=100ms").run(app -> {
            app.getBean(FaqEntries.class).save(Fixtures.entry("pet", "宠物狗咬伤邻居谁负责？", "饲养人承担责任。"));

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(app.getBean(FaqSearch.class).find("pet")).isPresent());
        });
    }

    @Test
    void entryVectorsAreCachedInTheConfiguredFolder() {
        context.run(app -> {
            assertThat(app).hasNotFailed();
            try (Stream<Path> files = Files.walk(embeddings)) {
                assertThat(files.filter(f -> f.toString().endsWith(".f32")).count())
                        .isGreaterThanOrEqualTo(BundledKnowledge.faqEntries().size());
            }
        });
    }

    @Test
    void embeddingsCanBeTurnedOffLeavingSearchByWords(@TempDir Path unused) {
        context.withPropertyValues("lawline.knowledge.embeddings.enabled=false",
                "lawline.knowledge.embeddings.cache=" + unused).run(app -> {
            assertThat(app.getBean(FaqSearch.class).search("老板拖欠工资", 1)).isNotEmpty();
            try (Stream<Path> files = Files.list(unused)) {
                assertThat(files).isEmpty();
            }
        });
    }

    @Test
    void importLimitsComeFromTheSettings() {
        context.withPropertyValues("lawline.knowledge.max-question-chars=80",
                "lawline.knowledge.max-import-file-size=5MB").run(app -> {
            ImportLimits limits = app.getBean(FaqImport.class).limits();
            assertThat(limits.maxQuestionChars()).isEqualTo(80);
            assertThat(limits.maxAnswerChars()).isEqualTo(5_000);
            assertThat(limits.maxFileBytes()).isEqualTo(5L * 1024 * 1024);
        });
    }

    @Test
    void recentQuestionsDefaultToTheCapacityIndexesMadeWithoutSettingsUse() {
        // the settings are API and may not name the embedding package, so the default is written twice
        context.withPropertyValues("lawline.knowledge.embeddings.enabled=false").run(app ->
                assertThat(app.getBean(KnowledgeSettings.class).embeddings().recentQuestions())
                        .isEqualTo(QuestionVectors.DEFAULT_CAPACITY));
    }

    @Configuration(proxyBeanMethods = false)
    static class Database {

        @Bean(destroyMethod = "close")
        TestDatabase testDatabase() {
            return TestDatabase.h2();
        }

        @Bean
        DataSource dataSource(TestDatabase testDatabase) {
            return testDatabase.dataSource();
        }
    }
}
