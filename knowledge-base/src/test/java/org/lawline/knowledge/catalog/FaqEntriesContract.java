package org.lawline.knowledge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.knowledge.BundledOffer;
import org.lawline.knowledge.EntryChange;
import org.lawline.knowledge.EntryRecord;
import org.lawline.knowledge.FaqEntries;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.Fixtures;
import org.lawline.knowledge.LawReference;
import org.lawline.knowledge.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What every database must do for {@link JdbcFaqEntries}; one subclass per database. */
abstract class FaqEntriesContract {

    private static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");
    private static final FaqEntry WAGES = new FaqEntry("wages", "老板拖欠工资怎么办？",
            List.of("公司不发工资", "工钱要不回来"), "可以向劳动保障监察机构投诉，\n也可以申请“劳动仲裁”。", "劳动争议",
            List.of(LawReference.parse("中华人民共和国劳动合同法第三十条"),
                    LawReference.parse("最高人民法院关于审理劳动争议案件适用法律问题的解释（一）第十条")));

    private TestDatabase database;
    private FaqEntries entries;

    abstract TestDatabase openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        entries = new JdbcFaqEntries(database.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aSavedEntryIsFoundAsItWasSaved() {
        entries.save(WAGES);

        assertThat(entries.find("wages")).contains(WAGES);
    }

    @Test
    void anEntryWithoutCategoryPhrasingsOrReferencesKeepsThemEmpty() {
        FaqEntry bare = Fixtures.entry("bare", "问？", "答。");
        entries.save(bare);

        assertThat(entries.find("bare")).contains(bare);
    }

    @Test
    void aReferenceMadeInCodeWithArabicNumeralsSurvives() {
        FaqEntry entry = new FaqEntry("arabic", "问？", List.of(), "答。", "",
                List.of(new LawReference("工资支付暂行规定", "第7条")));
        entries.save(entry);

        assertThat(entries.find("arabic")).contains(entry);
    }

    @Test
    void savingAnExistingIdReplacesTheEntry() {
        entries.save(WAGES);
        FaqEntry edited = new FaqEntry("wages", "工资被拖欠怎么办？", List.of(), "先协商。", "劳动", List.of());
        entries.save(edited);

        assertThat(entries.find("wages")).contains(edited);
        assertThat(entries.count()).isEqualTo(1);
    }

    @Test
    void addIfAbsentNeverOverwritesAnEntry() {
        FaqEntry edited = new FaqEntry("wages", "编辑过的问题？", List.of(), "编辑过的答案。", "", List.of());
        entries.save(edited);

        assertThat(entries.addIfAbsent(WAGES)).isFalse();
        assertThat(entries.find("wages")).contains(edited);
        assertThat(entries.addIfAbsent(Fixtures.entry("other", "问？", "答。"))).isTrue();
        assertThat(entries.count()).isEqualTo(2);
    }

    private static final FaqEntry WAGES_NEXT_RELEASE = new FaqEntry("wages", "老板拖欠工资怎么办？",
            List.of("公司不发工资", "工钱要不回来", "老板跑路了工资找谁要"), "可以向劳动保障监察机构投诉，也可以申请劳动仲裁，仲裁不收费。",
            "劳动争议", WAGES.lawRefs());

    @Test
    void aBundledEntryWithANewIdIsAdded() {
        assertThat(entries.offerBundled(WAGES)).isEqualTo(BundledOffer.ADDED);

        assertThat(entries.find("wages")).contains(WAGES);
    }

    @Test
    void aLaterReleaseOfABundledEntryReplacesTheEarlierOneNobodyEdited() {
        entries.offerBundled(WAGES);

        assertThat(entries.offerBundled(WAGES_NEXT_RELEASE)).isEqualTo(BundledOffer.UPDATED);

        EntryRecord record = entries.record("wages").orElseThrow();
        assertThat(record.entry()).isEqualTo(WAGES_NEXT_RELEASE);
        assertThat(record.metadata().changedBy()).isEqualTo(JdbcFaqEntries.BUNDLED);
        assertThat(entries.offerBundled(WAGES_NEXT_RELEASE)).isEqualTo(BundledOffer.CURRENT);
    }

    @Test
    void offeringTheReleaseAStoreAlreadyHoldsWritesNothing() {
        entries.offerBundled(WAGES);
        FaqEntries.Revision before = entries.revision();
        FaqEntries later = new JdbcFaqEntries(database.dataSource(), Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));

        assertThat(later.offerBundled(WAGES)).isEqualTo(BundledOffer.CURRENT);

        // an unchanged revision: a restart makes no instance rebuild its index
        assertThat(entries.revision()).isEqualTo(before);
    }

    @Test
    void anEntryAnAdministratorEditedIsKeptWhenALaterReleaseComes() {
        entries.offerBundled(WAGES);
        FaqEntry edited = new FaqEntry("wages", "工资被拖欠怎么办？", List.of(), "本市请先拨打12333。", "劳动争议", List.of());
        entries.save(edited, new EntryChange("王律师", Optional.empty()));

        assertThat(entries.offerBundled(WAGES_NEXT_RELEASE)).isEqualTo(BundledOffer.KEPT_EDITED);

        assertThat(entries.find("wages")).contains(edited);
    }

    @Test
    void anImportedEntryWithABundledIdIsKept() {
        FaqEntry imported = Fixtures.entry("wages", "工资被拖欠怎么办？", "导入的答案。");
        entries.save(imported);

        assertThat(entries.offerBundled(WAGES_NEXT_RELEASE)).isEqualTo(BundledOffer.KEPT_EDITED);

        assertThat(entries.find("wages")).contains(imported);
    }

    @Test
    void aDisabledBundledEntryIsBroughtUpToDateAndStaysDisabled() {
        entries.offerBundled(WAGES);
        entries.setDisabled("wages", true, "王律师");

        assertThat(entries.offerBundled(WAGES_NEXT_RELEASE)).isEqualTo(BundledOffer.UPDATED);

        EntryRecord record = entries.record("wages").orElseThrow();
        assertThat(record.entry()).isEqualTo(WAGES_NEXT_RELEASE);
        assertThat(record.metadata().disabled()).isTrue();
    }

    @Test
    void aSeedFromBeforeReleasesWereTrackedIsBroughtUpToDateUnlessSomeoneNamedChangedIt() {
        entries.offerBundled(WAGES);
        FaqEntry other = Fixtures.entry("other", "问？", "答。");
        entries.offerBundled(other);
        entries.save(Fixtures.entry("other", "问？", "王律师改过的答案。"), new EntryChange("王律师", Optional.empty()));
        // as the rows of an installation seeded before bundled versions were kept
        JdbcClient.create(database.dataSource()).sql("update faq_entry set bundled_version = null").update();

        assertThat(entries.offerBundled(WAGES_NEXT_RELEASE)).isEqualTo(BundledOffer.UPDATED);
        assertThat(entries.offerBundled(Fixtures.entry("other", "问？", "新版的答案。"))).isEqualTo(BundledOffer.KEPT_EDITED);

        assertThat(entries.find("wages")).contains(WAGES_NEXT_RELEASE);
        assertThat(entries.find("other")).map(FaqEntry::answer).contains("王律师改过的答案。");
    }

    @Test
    void aSeedFromBeforeReleasesWereTrackedThatIsThisReleaseAlreadyIsOnlyMarked() {
        entries.offerBundled(WAGES);
        JdbcClient.create(database.dataSource()).sql("update faq_entry set bundled_version = null").update();
        FaqEntries.Revision before = entries.revision();

        assertThat(entries.offerBundled(WAGES)).isEqualTo(BundledOffer.CURRENT);

        assertThat(entries.revision()).isEqualTo(before);
        assertThat(entries.offerBundled(WAGES)).isEqualTo(BundledOffer.CURRENT);
    }

    @Test
    void allListsEveryEntryByIdAndCountCountsThem() {
        entries.save(Fixtures.entry("b", "问二？", "答。"));
        entries.save(Fixtures.entry("a", "问一？", "答。"));
        entries.save(Fixtures.entry("c", "问三？", "答。"));

        assertThat(entries.all()).extracting(FaqEntry::id).containsExactly("a", "b", "c");
        assertThat(entries.count()).isEqualTo(3);
    }

    @Test
    void anEmptyStoreHasNothing() {
        assertThat(entries.all()).isEmpty();
        assertThat(entries.count()).isZero();
        assertThat(entries.find("wages")).isEmpty();
    }

    @Test
    void saveAllStoresManyEntriesAndReplacesExistingOnes() {
        entries.save(Fixtures.entry("e-1", "旧问题？", "旧答案。"));
        List<FaqEntry> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(Fixtures.entry("e-" + i, "问题" + i + "？", "答案。"));
        }

        entries.saveAll(many);

        assertThat(entries.count()).isEqualTo(300);
        assertThat(entries.find("e-1")).map(FaqEntry::question).contains("问题1？");
    }

    @Test
    void theLargestEntryAnImportAcceptsFits() {
        FaqEntry large = new FaqEntry("x".repeat(100), "问".repeat(500), List.of("说".repeat(500)), "答".repeat(5_000),
                "类".repeat(100), List.of(LawReference.parse("中华人民共和国民法典第一千二百零八条")));
        entries.save(large);

        assertThat(entries.find(large.id())).contains(large);
    }

    @Test
    void aSaveRecordsWhenInUtc() {
        entries.save(WAGES);

        LocalDateTime updatedAt = JdbcClient.create(database.dataSource())
                .sql("select updated_at from faq_entry where id = 'wages'").query(LocalDateTime.class).single();
        assertThat(updatedAt).isEqualTo(LocalDateTime.ofInstant(NOW, ZoneOffset.UTC));
    }

    @Test
    void theRevisionChangesWithEverySave() {
        assertThat(entries.revision()).isEqualTo(new FaqEntries.Revision(0, Instant.EPOCH));
        Instant later = NOW.plusSeconds(60);
        FaqEntries laterEntries = new JdbcFaqEntries(database.dataSource(), Clock.fixed(later, ZoneOffset.UTC));

        entries.save(WAGES);
        FaqEntries.Revision first = entries.revision();
        laterEntries.save(Fixtures.entry("wages", "工资被拖欠怎么办？", "先协商。"));

        assertThat(first).isEqualTo(new FaqEntries.Revision(1, NOW));
        assertThat(entries.revision()).isEqualTo(new FaqEntries.Revision(1, later));
    }

    @Test
    void concurrentSavesOfOneNewIdLeaveOneEntry() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> saves = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                FaqEntry entry = Fixtures.entry("same", "问" + i + "？", "答。");
                saves.add(pool.submit(() -> entries.save(entry)));
            }
            for (Future<?> save : saves) {
                save.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(entries.count()).isEqualTo(1);
    }

    @Test
    void anEditKeepsWhoChangedItAndItsReviewDate() {
        entries.save(WAGES, new EntryChange("王律师", Optional.of(LocalDate.of(2027, 6, 30))));

        EntryRecord record = entries.record("wages").orElseThrow();
        assertThat(record.entry()).isEqualTo(WAGES);
        assertThat(record.metadata().changedBy()).isEqualTo("王律师");
        assertThat(record.metadata().reviewDate()).contains(LocalDate.of(2027, 6, 30));
        assertThat(record.metadata().disabled()).isFalse();
    }

    @Test
    void aDisabledEntryIsKeptButIsNotSearchableUntilEnabled() {
        entries.save(WAGES);
        entries.save(Fixtures.entry("other", "问？", "答。"));

        assertThat(entries.setDisabled("wages", true, "王律师")).isTrue();
        assertThat(entries.searchable()).extracting(FaqEntry::id).containsExactly("other");
        assertThat(entries.all()).hasSize(2);
        assertThat(entries.record("wages").orElseThrow().metadata().disabled()).isTrue();

        entries.setDisabled("wages", false, "李律师");
        assertThat(entries.searchable()).extracting(FaqEntry::id).containsExactly("other", "wages");
        assertThat(entries.record("wages").orElseThrow().metadata().changedBy()).isEqualTo("李律师");
    }

    @Test
    void disablingAnUnknownEntrySaysSo() {
        assertThat(entries.setDisabled("nobody", true, "王律师")).isFalse();
    }

    @Test
    void disablingChangesTheRevisionSoOtherInstancesRefresh() {
        MutableClock clock = new MutableClock(NOW);
        FaqEntries timed = new JdbcFaqEntries(database.dataSource(), clock);
        timed.save(WAGES);
        FaqEntries.Revision before = timed.revision();
        clock.now = NOW.plusSeconds(5);

        timed.setDisabled("wages", true, "王律师");

        assertThat(timed.revision()).isNotEqualTo(before);
    }

    @Test
    void recordsAreFilteredByTextAndCategoryWithWildcardsTakenLiterally() {
        entries.save(WAGES);
        entries.save(new FaqEntry("rent", "房东不退押金", List.of(), "可以起诉。100%", "租赁", List.of()));

        assertThat(entries.records("工资", "", 50)).extracting(r -> r.entry().id()).containsExactly("wages");
        assertThat(entries.records("", "租赁", 50)).extracting(r -> r.entry().id()).containsExactly("rent");
        assertThat(entries.records("%", "", 50)).extracting(r -> r.entry().id()).containsExactly("rent");
        assertThat(entries.records("", "", 1)).hasSize(1);
    }

    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
