package org.lawline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawline.knowledge.catalog.JdbcFaqEntries;
import org.lawline.knowledge.catalog.JdbcLawArticles;

/** Changes made while LawLine runs: edits, disabling, uploads, law articles; on one instance and seen by another. */
class KnowledgeBaseAdministrationTest {

    private static final FaqEntry DEPOSIT = new FaqEntry("deposit", "房东不退押金怎么办", List.of("押金要不回来"),
            "可以先协商，协商不成可以向人民法院起诉。", "租赁", List.of(LawReference.parse("中华人民共和国民法典第七百零三条")));

    @TempDir
    Path folder;

    private final TestDatabase database = TestDatabase.h2();
    private final Instance here = new Instance(database);
    private final Instance there = new Instance(database);

    @AfterEach
    void close() {
        here.close();
        there.close();
        database.close();
    }

    @Test
    void anEditIsSearchableAtOnceAndKeepsWhoMadeIt() {
        here.knowledgeBase.save(DEPOSIT, new EntryChange("王律师", Optional.of(LocalDate.of(2027, 1, 31))));

        assertThat(topId(here, "押金要不回来")).contains("deposit");
        EntryRecord record = here.knowledgeBase.entry("deposit").orElseThrow();
        assertThat(record.metadata().changedBy()).isEqualTo("王律师");
        assertThat(record.metadata().reviewDate()).contains(LocalDate.of(2027, 1, 31));
    }

    @Test
    void aDisabledEntryIsNotSearchableHereAtOnceNorThereAfterItsRefresh() {
        here.knowledgeBase.save(DEPOSIT, new EntryChange("王律师", Optional.empty()));
        there.knowledgeBase.rebuildIndex();
        assertThat(topId(there, "押金要不回来")).contains("deposit");

        assertThat(here.knowledgeBase.disable("deposit", "王律师")).isTrue();

        assertThat(topId(here, "押金要不回来")).isEmpty();
        assertThat(there.knowledgeBase.refreshIndex()).isTrue();
        assertThat(topId(there, "押金要不回来")).isEmpty();
        assertThat(here.knowledgeBase.entry("deposit").orElseThrow().metadata().disabled()).isTrue();
    }

    @Test
    void enablingMakesAnEntrySearchableAgain() {
        here.knowledgeBase.save(DEPOSIT, new EntryChange("王律师", Optional.empty()));
        here.knowledgeBase.disable("deposit", "王律师");

        assertThat(here.knowledgeBase.enable("deposit", "李律师")).isTrue();

        assertThat(topId(here, "押金要不回来")).contains("deposit");
        assertThat(here.knowledgeBase.enable("nobody", "李律师")).isFalse();
    }

    @Test
    void editingADisabledEntryKeepsItDisabled() {
        here.knowledgeBase.save(DEPOSIT, new EntryChange("王律师", Optional.empty()));
        here.knowledgeBase.disable("deposit", "王律师");

        here.knowledgeBase.save(DEPOSIT, new EntryChange("李律师", Optional.empty()));

        assertThat(topId(here, "押金要不回来")).isEmpty();
        assertThat(here.knowledgeBase.entry("deposit").orElseThrow().metadata().disabled()).isTrue();
    }

    @Test
    void anUploadIsSearchableAtOnceAndReportsBadRowsByLine() {
        String upload = """
                {"id": "deposit", "question": "房东不退押金怎么办", "answer": "可以起诉。", "category": "租赁", "law_refs": []}
                {"id": "broken", "question": "", "answer": "答。"}
                """;

        ImportReport report = here.knowledgeBase.importEntries(
                new ByteArrayInputStream(upload.getBytes(StandardCharsets.UTF_8)), FaqImport.Format.JSONL, "王律师",
                1024 * 1024, ImportProgress.NONE);

        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.rejected()).extracting(ImportReport.RejectedRow::line).containsExactly(2L);
        assertThat(topId(here, "押金要不回来")).contains("deposit");
        assertThat(here.knowledgeBase.entry("deposit").orElseThrow().metadata().changedBy()).isEqualTo("王律师");
    }

    @Test
    void anUploadIsNotReadPastItsCap() {
        String row = "{\"id\": \"deposit\", \"question\": \"房东不退押金怎么办\", \"answer\": \"可以起诉。\", \"category\": \"租赁\", \"law_refs\": []}\n";
        byte[] upload = row.repeat(1_000).getBytes(StandardCharsets.UTF_8);
        ByteArrayInputStream in = new ByteArrayInputStream(upload);

        assertThatThrownBy(() -> here.knowledgeBase.importEntries(in, FaqImport.Format.JSONL, "王律师", 4096,
                ImportProgress.NONE))
                .isInstanceOfSatisfying(ImportTooLarge.class, e -> assertThat(e.maxBytes()).isEqualTo(4096));
        // the reader buffers ahead, but stops within a buffer of the cap instead of reading it all
        assertThat(upload.length - in.available()).isLessThan(4096 + 16 * 1024);
    }

    @Test
    void importingALawFileStoresArticlesThatACitationFinds() throws IOException {
        Path file = folder.resolve("laws.jsonl");
        try (InputStream in = getClass().getResourceAsStream("/fixtures/law_articles_fixture.jsonl")) {
            Files.copy(in, file);
        }

        ImportReport report = here.knowledgeBase.importFile(file, ImportProgress.NONE);

        assertThat(report.imported()).isEqualTo(5);
        assertThat(here.entries.count()).isZero();
        LawArticles articles = here.knowledgeBase.lawArticles();
        assertThat(articles.size()).isEqualTo(5);
        assertThat(articles.find(LawReference.parse("中华人民共和国劳动合同法第三十条")).orElseThrow().text())
                .contains("劳动报酬");
        assertThat(articles.search("借钱的合同什么时候成立", 1))
                .extracting(m -> m.article().id()).containsExactly("art:民法典第六百七十九条");
        // another instance looks articles up in the database, and searches them once it has refreshed
        assertThat(there.knowledgeBase.lawArticles().find("art:民法典第六百七十九条")).isPresent();
        assertThat(there.knowledgeBase.lawArticles().search("离婚诉讼", 1)).isNotEmpty();
    }

    private static Optional<String> topId(Instance instance, String question) {
        return instance.knowledgeBase.search().search(question, 1).stream().map(m -> m.entry().id()).findFirst();
    }

    /** One LawLine instance: its own indexes over the shared database. */
    private static final class Instance {
        final FaqEntries entries;
        final FaqIndex index = KnowledgeWiring.keywordFaqIndex();
        final LawArticleIndex articleIndex = KnowledgeWiring.keywordLawArticleIndex();
        final KnowledgeBase knowledgeBase;

        Instance(TestDatabase database) {
            entries = new JdbcFaqEntries(database.dataSource(), Clock.systemUTC());
            knowledgeBase = new KnowledgeBase(entries, index, KnowledgeWiring.faqImport(ImportLimits.DEFAULTS),
                    new JdbcLawArticles(database.dataSource(), Clock.systemUTC()), articleIndex,
                    KnowledgeWiring.lawArticleImport(ImportLimits.DEFAULTS));
        }

        void close() {
            index.close();
            articleIndex.close();
        }
    }
}
