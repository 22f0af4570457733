package org.lawline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawline.knowledge.catalog.InMemoryLawArticles;
import org.lawline.knowledge.catalog.JdbcFaqEntries;

class KnowledgeBaseTest {

    @TempDir
    Path folder;

    private final TestDatabase database = TestDatabase.h2();
    private final FaqEntries entries = new JdbcFaqEntries(database.dataSource(), Clock.systemUTC());
    private final FaqIndex index = KnowledgeWiring.hybridFaqIndex();
    private final KnowledgeBase knowledgeBase = new KnowledgeBase(entries, index, KnowledgeWiring.faqImport(ImportLimits.DEFAULTS),
            new InMemoryLawArticles(Clock.systemUTC()), KnowledgeWiring.keywordLawArticleIndex(),
            KnowledgeWiring.lawArticleImport(ImportLimits.DEFAULTS));

    @AfterEach
    void close() {
        index.close();
        database.close();
    }

    @Test
    void seedingStoresTheBundledEntriesAndTheRebuiltIndexFindsThem() {
        int bundled = BundledKnowledge.faqEntries().size();

        assertThat(knowledgeBase.seedBundledEntries()).isEqualTo(bundled);
        knowledgeBase.rebuildIndex();

        assertThat(entries.count()).isEqualTo(bundled);
        assertThat(index.size()).isEqualTo(bundled);
        assertThat(knowledgeBase.search().search("老板拖欠工资", 1)).isNotEmpty();
    }

    @Test
    void seedingAgainNeverOverwritesAnEditedEntry() {
        knowledgeBase.seedBundledEntries();
        FaqEntry bundled = BundledKnowledge.faqEntries().get(0);
        FaqEntry edited = new FaqEntry(bundled.id(), bundled.question(), List.of(), "管理员改写的答案。",
                bundled.category(), bundled.lawRefs());
        knowledgeBase.save(edited);

        assertThat(knowledgeBase.seedBundledEntries()).isZero();

        assertThat(entries.find(bundled.id())).contains(edited);
    }

    @Test
    void seedingALaterReleaseBringsEntriesNobodyEditedUpToItAndTheIndexFindsThem() {
        FaqEntry first = Fixtures.entry("pet", "宠物狗咬伤邻居谁负责？", "饲养人应当承担侵权责任。");
        FaqEntry edited = Fixtures.entry("tenant", "房东不退押金怎么办？", "可以起诉。");
        knowledgeBase.seed(List.of(first, edited));
        knowledgeBase.save(Fixtures.entry("tenant", "房东不退押金怎么办？", "本市先找住建部门调解。"),
                new EntryChange("王律师", java.util.Optional.empty()));
        FaqEntry nextRelease = new FaqEntry("pet", "宠物狗咬伤邻居谁负责？", List.of("我家的猫把人抓伤了"),
                "饲养人应当承担侵权责任，能证明被侵权人故意或重大过失的可以减责。", "", List.of());

        assertThat(knowledgeBase.seed(List.of(nextRelease, Fixtures.entry("tenant", "房东不退押金怎么办？", "新版答案。"))))
                .isEqualTo(1);
        knowledgeBase.rebuildIndex();

        assertThat(entries.find("pet")).contains(nextRelease);
        assertThat(entries.find("tenant")).map(FaqEntry::answer).contains("本市先找住建部门调解。");
        assertThat(knowledgeBase.search().search("猫抓伤了人谁负责", 1)).extracting(m -> m.entry().id()).containsExactly("pet");
    }

    @Test
    void everyRebuildAnnouncesTheEntriesQuestionsAreNowAnsweredFrom() {
        List<SearchableEntriesChanged> announced = new ArrayList<>();
        KnowledgeBase announcing = new KnowledgeBase(entries, index, KnowledgeWiring.faqImport(ImportLimits.DEFAULTS),
                new InMemoryLawArticles(Clock.systemUTC()), KnowledgeWiring.keywordLawArticleIndex(),
                KnowledgeWiring.lawArticleImport(ImportLimits.DEFAULTS), announced::add);
        announcing.save(Fixtures.entry("pet", "宠物狗咬伤邻居谁负责？", "饲养人应当承担侵权责任。"));
        announcing.save(Fixtures.entry("tenant", "房东不退押金怎么办？", "可以起诉。"));
        announcing.disable("tenant", "王律师");

        announcing.rebuildIndex();

        assertThat(announced).singleElement().satisfies(changed ->
                assertThat(changed.entries()).extracting(FaqEntry::id).containsExactly("pet"));
    }

    @Test
    void aSavedEntryIsSearchableAtOnce() {
        knowledgeBase.save(Fixtures.entry("new", "宠物狗咬伤邻居谁负责？", "饲养人应当承担侵权责任。"));

        assertThat(knowledgeBase.search().search("我家的狗把人咬了", 1)).extracting(m -> m.entry().id())
                .containsExactly("new");
        assertThat(entries.find("new")).isPresent();
    }

    @Test
    void anImportStoresTheGoodRowsAndMakesThemSearchable() throws IOException {
        Path file = folder.resolve("entries.csv");
        Files.writeString(file, """
                id,question,answer,category,law_refs
                pet,宠物狗咬伤邻居谁负责？,饲养人应当承担侵权责任。,侵权,中华人民共和国民法典第一千二百四十五条
                bad,没有答案的问题？,,,
                tenant,房东不退押金怎么办？,可以起诉。,合同,
                """);

        ImportReport report = knowledgeBase.importFile(file, ImportProgress.NONE);

        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.rejected()).extracting(ImportReport.RejectedRow::line).containsExactly(3L);
        assertThat(entries.count()).isEqualTo(2);
        assertThat(knowledgeBase.search().search("押金不退", 1)).extracting(m -> m.entry().id()).containsExactly("tenant");
    }

    @Test
    void anImportReplacesEntriesWithTheSameId() throws IOException {
        knowledgeBase.save(Fixtures.entry("tenant", "旧问题？", "旧答案。"));
        Path file = folder.resolve("entries.jsonl");
        Files.writeString(file, "{\"id\":\"tenant\",\"question\":\"房东不退押金怎么办？\",\"answer\":\"可以起诉。\"}\n");

        knowledgeBase.importFile(file, ImportProgress.NONE);

        assertThat(entries.find("tenant")).map(FaqEntry::question).contains("房东不退押金怎么办？");
        assertThat(index.find("tenant")).map(FaqEntry::question).contains("房东不退押金怎么办？");
    }

    @Test
    void aRefusedImportLeavesTheKnowledgeBaseAsItWas() throws IOException {
        knowledgeBase.save(Fixtures.entry("tenant", "房东不退押金怎么办？", "可以起诉。"));
        Path file = folder.resolve("entries.csv");
        Files.writeString(file, "id,question\nx,问？\n");

        assertThatThrownBy(() -> knowledgeBase.importFile(file, ImportProgress.NONE)).isInstanceOf(ImportFailed.class);

        assertThat(entries.count()).isEqualTo(1);
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void refreshingPicksUpEntriesStoredElsewhereAndOnlyThen() {
        knowledgeBase.rebuildIndex();
        assertThat(knowledgeBase.refreshIndex()).isFalse();

        // as another instance or a command-line import would: straight into the database
        entries.save(Fixtures.entry("tenant", "房东不退押金怎么办？", "可以起诉。"));

        assertThat(knowledgeBase.search().search("押金不退", 1)).isEmpty();
        assertThat(knowledgeBase.refreshIndex()).isTrue();
        assertThat(knowledgeBase.search().search("押金不退", 1)).extracting(m -> m.entry().id()).containsExactly("tenant");
        assertThat(knowledgeBase.refreshIndex()).isFalse();
    }

    @Test
    void theSharedLeCoQaFileImportsIntoTheDatabaseAndIndex() {
        Path file = Fixtures.sharedData().resolve("kb/lecoqa_faq.jsonl");
        knowledgeBase.seedBundledEntries();

        ImportReport report = knowledgeBase.importFile(file, ImportProgress.NONE);

        int total = BundledKnowledge.faqEntries().size() + 1_532;
        assertThat(report.imported()).isEqualTo(1_532);
        assertThat(entries.count()).isEqualTo(total);
        assertThat(index.size()).isEqualTo(total);
        assertThat(knowledgeBase.search().search("个体工商户的债务谁来还", 3)).isNotEmpty();
    }
}
