package org.lawline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The wiring, in a bare application context (no auto-configuration, no web server): the
 * application provides the DataSource, the knowledge base provides the rest and fills itself.
 */
class KnowledgeBaseConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Database.class, KnowledgeBaseConfiguration.class);

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
    void importLimitsComeFromTheSettings() {
        context.withPropertyValues("lawline.knowledge.max-question-chars=80",
                "lawline.knowledge.max-import-file-size=5MB").run(app -> {
            ImportLimits limits = app.getBean(FaqImport.class).limits();
            assertThat(limits.maxQuestionChars()).isEqualTo(80);
            assertThat(limits.maxAnswerChars()).isEqualTo(5_000);
            assertThat(limits.maxFileBytes()).isEqualTo(5L * 1024 * 1024);
        });
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
