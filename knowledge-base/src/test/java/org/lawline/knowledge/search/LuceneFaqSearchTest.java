package org.lawline.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.lawline.knowledge.Fixtures.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqMatch;
import org.lawline.knowledge.Fixtures;
import org.lawline.knowledge.LawReference;

class LuceneFaqSearchTest {

    private static final FaqEntry WAGES = entry("wages", "老板拖欠工资怎么办？", "可以向劳动保障监察机构投诉。");
    private static final FaqEntry DIVORCE = entry("divorce", "协议离婚要办哪些手续？", "双方到婚姻登记机关申请离婚登记。");

    private final LuceneFaqSearch search = new LuceneFaqSearch();

    @AfterEach
    void close() {
        search.close();
    }

    @Test
    void findsEntriesAfterReplaceAll() {
        search.replaceAll(List.of(WAGES, DIVORCE));

        assertThat(search.size()).isEqualTo(2);
        assertThat(search.search("拖欠工资", 5)).extracting(m -> m.entry().id()).containsExactly("wages");
    }

    @Test
    void replaceAllDropsEntriesNotGivenAgain() {
        search.replaceAll(List.of(WAGES, DIVORCE));
        search.replaceAll(List.of(DIVORCE));

        assertThat(search.search("拖欠工资", 5)).isEmpty();
        assertThat(search.find("wages")).isEmpty();
        assertThat(search.size()).isEqualTo(1);
    }

    @Test
    void upsertReplacesTheEntryWithTheSameId() {
        search.replaceAll(List.of(WAGES));
        search.upsert(entry("wages", "加班费怎么算？", "按工资的百分之一百五十支付。"));

        assertThat(search.size()).isEqualTo(1);
        assertThat(search.search("拖欠", 5)).isEmpty();
        assertThat(search.search("加班费", 5)).extracting(m -> m.entry().question()).containsExactly("加班费怎么算？");
    }

    @Test
    void upsertAddsANewEntryThatIsSearchableAtOnce() {
        search.upsert(DIVORCE);

        assertThat(search.search("离婚手续", 5)).extracting(m -> m.entry().id()).containsExactly("divorce");
    }

    @Test
    void removeTakesTheEntryOut() {
        search.replaceAll(List.of(WAGES, DIVORCE));
        search.remove("wages");

        assertThat(search.find("wages")).isEmpty();
        assertThat(search.size()).isEqualTo(1);
    }

    @Test
    void aRepeatedQuestionIsAnsweredFromTheIndexAsItIsNowAfterEveryKindOfChange() {
        search.replaceAll(List.of(WAGES));
        assertThat(search.search("离婚手续", 5)).isEmpty();
        List<FaqMatch> first = search.search("拖欠工资", 5);
        assertThat(search.search("拖欠工资", 5)).isEqualTo(first);

        search.upsert(DIVORCE);
        assertThat(search.search("离婚手续", 5)).extracting(m -> m.entry().id()).containsExactly("divorce");

        search.upsert(entry("wages", "加班费怎么算？", "按工资的百分之一百五十支付。"));
        assertThat(search.search("拖欠工资", 5)).extracting(m -> m.entry().question()).containsExactly("加班费怎么算？");

        search.remove("divorce");
        assertThat(search.search("离婚手续", 5)).isEmpty();

        search.replaceAll(List.of(WAGES, DIVORCE));
        assertThat(search.search("拖欠工资", 5)).extracting(m -> m.entry().id()).containsExactly("wages");
        assertThat(search.search("离婚手续", 5)).extracting(m -> m.entry().id()).containsExactly("divorce");
    }

    @Test
    void repeatedIdsInReplaceAllKeepTheLast() {
        search.replaceAll(List.of(WAGES, entry("wages", "工资怎么算？", "按月支付。")));

        assertThat(search.size()).isEqualTo(1);
        assertThat(search.find("wages")).map(FaqEntry::question).contains("工资怎么算？");
    }

    @Test
    void findReturnsTheEntryAsWritten() {
        FaqEntry full = new FaqEntry("full", "老板拖欠工资怎么办？", List.of("公司不发工资", "ＨＲ说下个月再发"),
                "可以投诉。\n也可以申请仲裁。", "劳动争议",
                List.of(LawReference.parse("中华人民共和国劳动合同法第三十条"), new LawReference("工资支付暂行规定", "第7条")));
        search.replaceAll(List.of(full));

        assertThat(search.find("full")).contains(full);
        assertThat(search.find("missing")).isEmpty();
        assertThat(search.find(null)).isEmpty();
    }

    @Test
    void resultsComeBestFirstWithConfidenceBetweenZeroAndOne() {
        search.replaceAll(Fixtures.faqEntries());

        List<FaqMatch> matches = search.search("离婚以后孩子和财产怎么处理", 10);

        assertThat(matches).hasSizeGreaterThan(2);
        assertThat(matches).extracting(FaqMatch::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(matches).allSatisfy(m -> assertThat(m.confidence()).isBetween(0.0, 1.0));
    }

    @Test
    void returnsNoMoreThanTheLimit() {
        search.replaceAll(Fixtures.faqEntries());

        assertThat(search.search("离婚", 2)).hasSize(2);
        assertThat(search.search("离婚", 0)).isEmpty();
        assertThat(search.search("离婚", -1)).isEmpty();
    }

    @Test
    void anEmptyIndexFindsNothing() {
        assertThat(search.search("老板拖欠工资", 5)).isEmpty();
        assertThat(search.size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t", "？？？！！！", "。，、；：", "😀😀😀", "🙏", "👍🏻👍🏻", "...", "123456"})
    void textWithoutWordsFindsNothing(String text) {
        search.replaceAll(Fixtures.faqEntries());

        assertThat(search.search(text, 5)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "\"(((:*?", "? * : \" ( ) AND OR NOT", "工资 AND 离婚 OR *",
            "title:工资^100", "工资~2", "[工资 TO 离婚]", "\\", "/工资/", "' OR 1=1 --", "\u0000\u0001工资\uFFFF",
            "\uD800", "工资\uDC00"})
    void querySyntaxIsOnlyText(String text) {
        search.replaceAll(Fixtures.faqEntries());

        assertThatCode(() -> search.search(text, 5)).doesNotThrowAnyException();
    }

    @Test
    void operatorsInAQuestionAreNotObeyed() {
        search.replaceAll(List.of(WAGES, DIVORCE));

        // as query syntax this would require both words; as text either word finds its entry
        assertThat(search.search("+拖欠 +离婚", 5)).extracting(m -> m.entry().id())
                .containsExactlyInAnyOrder("wages", "divorce");
    }

    @Test
    void aVeryLongQuestionIsStillAnswered() {
        search.replaceAll(Fixtures.faqEntries());
        String text = "老板拖欠工资三个月了，我该怎么办？".repeat(600); // over 10,000 characters

        List<FaqMatch> matches = search.search(text, 5);

        assertThat(text.length()).isGreaterThan(10_000);
        assertThat(matches.get(0).entry().id()).isEqualTo("fx-wage-arrears");
    }

    @Test
    void aQuestionWithManyDistinctWordsStaysWithinLuceneClauseLimits() {
        search.replaceAll(Fixtures.faqEntries());
        StringBuilder text = new StringBuilder();
        for (FaqEntry entry : Fixtures.faqEntries()) {
            text.append(entry.answer());
        }

        assertThatCode(() -> search.search(text.toString(), 5)).doesNotThrowAnyException();
    }

    @Test
    void searchesGoOnWhileTheIndexIsReplaced() throws Exception {
        List<FaqEntry> entries = Fixtures.faqEntries();
        search.replaceAll(entries);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<Integer>> reader = pool.submit(() -> {
                List<Integer> sizes = new ArrayList<>();
                while (writing.get()) {
                    sizes.add(search.search("老板拖欠工资", 50).size());
                }
                return sizes;
            });
            for (int i = 0; i < 50; i++) {
                search.replaceAll(entries);
            }
            writing.set(false);

            // a search sees the whole index before or after a replacement, never an empty middle
            assertThat(reader.get(10, TimeUnit.SECONDS)).isNotEmpty().allSatisfy(n -> assertThat(n).isPositive());
        } finally {
            pool.shutdownNow();
        }
    }
}
