package org.lawline.knowledge.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqImport;
import org.lawline.knowledge.Fixtures;
import org.lawline.knowledge.ImportFailed;
import org.lawline.knowledge.ImportLimits;
import org.lawline.knowledge.ImportProgress;
import org.lawline.knowledge.ImportReport;
import org.lawline.knowledge.ImportReport.RejectedRow;
import org.lawline.knowledge.KnowledgeWiring;
import org.lawline.knowledge.LawReference;

class FaqImportTest {

    private static final String GOOD_JSON =
            "{\"id\":\"%s\",\"question\":\"老板拖欠工资怎么办？\",\"answer\":\"可以投诉。\",\"category\":\"劳动争议\","
                    + "\"law_refs\":[\"中华人民共和国劳动合同法第三十条\"]}";

    @TempDir
    Path folder;

    private final FaqImport importer = KnowledgeWiring.faqImport(ImportLimits.DEFAULTS);
    private final List<FaqEntry> imported = new ArrayList<>();

    @Test
    void theSharedLeCoQaJsonlImportsEveryEntry() {
        Path file = Fixtures.sharedData().resolve("kb/lecoqa_faq.jsonl");

        ImportReport report = importer.read(file, imported::add, ImportProgress.NONE);

        assertThat(report.rejected()).isEmpty();
        assertThat(report.imported()).isEqualTo(1_532);
        assertThat(imported).hasSize(1_532);
        assertThat(imported.get(0).lawRefs()).extracting(LawReference::toString)
                .containsExactly("中华人民共和国民法典第五十四条", "个体工商户条例第二条");
    }

    @Test
    void theSharedLeCoQaCsvImportsTheSameEntriesAsTheJsonl() {
        Path data = Fixtures.sharedData();
        List<FaqEntry> fromJson = new ArrayList<>();
        importer.read(data.resolve("kb/lecoqa_faq.jsonl"), fromJson::add, ImportProgress.NONE);

        ImportReport report = importer.read(data.resolve("kb/lecoqa_faq.csv"), imported::add, ImportProgress.NONE);

        assertThat(report.rejected()).isEmpty();
        assertThat(report.imported()).isEqualTo(1_532);
        assertThat(imported).isEqualTo(fromJson);
    }

    @Test
    void badJsonRowsAreReportedWithTheirLinesAndGoodRowsKept() throws IOException {
        Path file = write("mixed.jsonl",
                GOOD_JSON.formatted("a"),
                "{\"id\":\"b\",\"question\":\"缺答案\"",
                "",
                "{\"id\":\"c\",\"question\":\"问？\",\"law_refs\":[]}",
                GOOD_JSON.formatted("d"),
                "{\"id\":\"e\",\"question\":\"问？\",\"answer\":\"答。\",\"law_refs\":[\"劳动合同法三十\"]}",
                "{\"id\":\"f\",\"question\":\"" + "长".repeat(501) + "\",\"answer\":\"答。\"}",
                "[1,2,3]",
                "{\"id\":\"g\",\"question\":\"问？\",\"answer\":\"答。\",\"law_refs\":\"劳动合同法第三十条\"}",
                "{\"id\":\"\",\"question\":\"\",\"answer\":\"答。\"}",
                "{\"id\":\"h\",\"question\":\"问？\",\"answer\":\"" + "答".repeat(5_001) + "\"}",
                GOOD_JSON.formatted("i"));

        ImportReport report = importer.read(file, imported::add, ImportProgress.NONE);

        assertThat(imported).extracting(FaqEntry::id).containsExactly("a", "d", "i");
        assertThat(report.imported()).isEqualTo(3);
        assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(2L, 4L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(report.rejected()).extracting(RejectedRow::reason).satisfiesExactly(
                r -> assertThat(r).startsWith("bad JSON"),
                r -> assertThat(r).isEqualTo("missing answer"),
                r -> assertThat(r).contains("law reference").contains("劳动合同法三十"),
                r -> assertThat(r).isEqualTo("question longer than 500 characters (501)"),
                r -> assertThat(r).contains("one object"),
                r -> assertThat(r).isEqualTo("law_refs must be an array of strings"),
                r -> assertThat(r).isEqualTo("missing id, question"),
                r -> assertThat(r).isEqualTo("answer longer than 5000 characters (5001)"));
    }

    @Test
    void aJsonRowKeepsPhrasingsAndTrimsText() throws IOException {
        Path file = write("one.jsonl", "{\"id\":\" x1 \",\"question\":\" 问？ \",\"phrasings\":[\"说法一\",\" \",\"说法二\"],"
                + "\"answer\":\"答。\",\"category\":\"劳动\",\"law_refs\":[\"《劳动合同法》第三十条\"],\"source\":\"ignored\"}");

        importer.read(file, imported::add, ImportProgress.NONE);

        assertThat(imported).containsExactly(new FaqEntry("x1", "问？", List.of("说法一", "说法二"), "答。", "劳动",
                List.of(new LawReference("劳动合同法", "第三十条"))));
    }

    @Test
    void aLineOverTheLimitIsSkippedUnheldAndTheNextLineRead() throws IOException {
        FaqImport small = KnowledgeWiring.faqImport(new ImportLimits(500, 5_000, 1_000, 10_000_000));
        Path file = write("long.jsonl", GOOD_JSON.formatted("a"), "x".repeat(5_000_000), GOOD_JSON.formatted("b"));

        ImportReport report = small.read(file, imported::add, ImportProgress.NONE);

        assertThat(imported).extracting(FaqEntry::id).containsExactly("a", "b");
        assertThat(report.rejected()).containsExactly(new RejectedRow(2, "line longer than 1000 characters"));
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeReading() throws IOException {
        FaqImport small = KnowledgeWiring.faqImport(new ImportLimits(500, 5_000, 1_000, 100));
        Path file = write("big.jsonl", GOOD_JSON.formatted("a"), GOOD_JSON.formatted("b"));

        assertThatThrownBy(() -> small.read(file, imported::add, ImportProgress.NONE))
                .isInstanceOf(ImportFailed.class).hasMessageContaining("limit");
        assertThat(imported).isEmpty();
    }

    @Test
    void aStreamOverTheSizeLimitStopsTheImport() {
        FaqImport small = KnowledgeWiring.faqImport(new ImportLimits(500, 5_000, 1_000, 1_000));
        byte[] content = (GOOD_JSON.formatted("a") + "\n").repeat(100).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> small.read(new ByteArrayInputStream(content), FaqImport.Format.JSONL,
                imported::add, ImportProgress.NONE))
                .isInstanceOf(ImportFailed.class);
    }

    @Test
    void csvFieldsMayHoldCommasQuotesAndLineBreaks() throws IOException {
        Path file = write("quoted.csv",
                "id,question,answer,category,law_refs,source",
                "a,\"工资, 拖欠\",\"第一行",
                "第二行，他说\"\"不给\"\"\",劳动,中华人民共和国劳动合同法第三十条|中华人民共和国劳动法第五十条,x",
                "b,问？,答。,,,");

        ImportReport report = importer.read(file, imported::add, ImportProgress.NONE);

        assertThat(report.rejected()).isEmpty();
        assertThat(imported).containsExactly(
                new FaqEntry("a", "工资, 拖欠", List.of(), "第一行\n第二行，他说\"不给\"", "劳动", List.of(
                        new LawReference("中华人民共和国劳动合同法", "第三十条"),
                        new LawReference("中华人民共和国劳动法", "第五十条"))),
                new FaqEntry("b", "问？", List.of(), "答。", "", List.of()));
    }

    @Test
    void badCsvRowsAreReportedAtTheLineTheyStartOn() throws IOException {
        Path file = write("mixed.csv",
                "question,id,answer,law_refs,phrasings",
                "问一？,a,\"答",
                "跨行\",,说法一|说法二",
                "问二？,b,答。",
                "问三？,c,答。,不是法条,",
                "问四？,d,答\"错\",,",
                "问五？,,答。,,",
                "\"问六？\"x,f,答。,,",
                "问七？,g,答。,,");

        ImportReport report = importer.read(file, imported::add, ImportProgress.NONE);

        assertThat(imported).extracting(FaqEntry::id).containsExactly("a", "g");
        assertThat(imported.get(0).phrasings()).containsExactly("说法一", "说法二");
        assertThat(report.rejected()).containsExactly(
                new RejectedRow(4, "expected 5 fields as in the header, found 3"),
                new RejectedRow(5, "unreadable law reference (law name followed by 第…条): 不是法条"),
                new RejectedRow(6, "quote inside an unquoted field"),
                new RejectedRow(7, "missing id"),
                new RejectedRow(8, "text after a closing quote"));
    }

    @Test
    void aCsvRecordOverTheLimitIsSkippedUnheldAndTheNextRead() throws IOException {
        FaqImport small = KnowledgeWiring.faqImport(new ImportLimits(500, 5_000, 1_000, 10_000_000));
        Path file = write("wide.csv", "id,question,answer", "a,问？,答。", ",".repeat(3_000_000), "b,问？,答。");

        ImportReport report = small.read(file, imported::add, ImportProgress.NONE);

        assertThat(imported).extracting(FaqEntry::id).containsExactly("a", "b");
        assertThat(report.rejected()).containsExactly(new RejectedRow(3, "record longer than 1000 characters"));
    }

    @Test
    void anUnclosedQuoteIsReportedWithoutLosingEarlierRows() throws IOException {
        Path file = write("unclosed.csv", "id,question,answer", "a,问？,答。", "b,\"问？,答。", "c,问？,答。");

        ImportReport report = importer.read(file, imported::add, ImportProgress.NONE);

        assertThat(imported).extracting(FaqEntry::id).containsExactly("a");
        assertThat(report.rejected()).containsExactly(
                new RejectedRow(3, "quoted field not closed before the end of the file"));
    }

    @Test
    void crlfLineEndsAndAByteOrderMarkAreRead() throws IOException {
        Path file = folder.resolve("windows.csv");
        Files.writeString(file, "\uFEFFid,question,answer\r\na,问？,答。\r\nb,\"问\r\n二？\",答。\r\n");

        ImportReport report = importer.read(file, imported::add, ImportProgress.NONE);

        assertThat(report.rejected()).isEmpty();
        assertThat(imported).extracting(FaqEntry::question).containsExactly("问？", "问\r\n二？");
    }

    @Test
    void aCsvWithoutARequiredColumnIsRefused() throws IOException {
        Path file = write("noanswer.csv", "id,question,category", "a,问？,劳动");

        assertThatThrownBy(() -> importer.read(file, imported::add, ImportProgress.NONE))
                .isInstanceOf(ImportFailed.class).hasMessageContaining("answer");
    }

    @Test
    void anEmptyCsvIsRefused() throws IOException {
        Path file = write("empty.csv");

        assertThatThrownBy(() -> importer.read(file, imported::add, ImportProgress.NONE))
                .isInstanceOf(ImportFailed.class).hasMessageContaining("header");
    }

    @Test
    void aFileOfAnotherKindIsRefused() throws IOException {
        Path file = write("entries.xlsx", "whatever");

        assertThatThrownBy(() -> importer.read(file, imported::add, ImportProgress.NONE))
                .isInstanceOf(ImportFailed.class).hasMessageContaining(".jsonl or .csv");
    }

    @Test
    void aMissingFileIsRefused() {
        assertThatThrownBy(() -> importer.read(folder.resolve("nothing.jsonl"), imported::add, ImportProgress.NONE))
                .isInstanceOf(ImportFailed.class).hasMessageContaining("No such file");
    }

    @Test
    void progressIsReportedAsRowsAreReadAndAtTheEnd() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            lines.add(GOOD_JSON.formatted("row-" + i));
        }
        Path file = write("many.jsonl", lines.toArray(String[]::new));
        List<long[]> reports = new ArrayList<>();

        importer.read(file, imported::add, (rows, bytes, total) -> reports.add(new long[] {rows, bytes, total}));

        long size = Files.size(file);
        assertThat(reports).hasSize(1_000 / ImportTally.PROGRESS_EVERY_ROWS + 1);
        assertThat(reports).extracting(r -> r[0]).isSorted().endsWith(1_000L);
        assertThat(reports).extracting(r -> r[1]).isSorted().allSatisfy(b -> assertThat(b).isBetween(1L, size));
        assertThat(reports).extracting(r -> r[2]).containsOnly(size);
        assertThat(reports.get(reports.size() - 1)[1]).isEqualTo(size);
    }

    @Test
    void aReportListsAThousandRejectionsAndCountsTheRest() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            lines.add("not json");
        }
        Path file = write("bad.jsonl", lines.toArray(String[]::new));

        ImportReport report = importer.read(file, imported::add, ImportProgress.NONE);

        assertThat(report.rejected()).hasSize(ImportReport.MAX_LISTED_REJECTIONS);
        assertThat(report.unlistedRejected()).isEqualTo(200);
        assertThat(report.rejectedCount()).isEqualTo(1_200);
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, lines.length == 0 ? "" : String.join("\n", lines) + "\n");
        return file;
    }
}
