package org.lawline.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.lawline.knowledge.BundledKnowledge;
import org.lawline.knowledge.FaqConfidence;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqMatch;

/**
 * Words and meaning together on the bundled entries, with the real model: citizens' wordings
 * are found with confidence, off-topic text is not, though its words may touch an entry.
 */
class HybridSearchTest {

    private static LuceneFaqSearch hybrid;
    private static LuceneFaqSearch keywords;

    @BeforeAll
    static void index() {
        hybrid = new LuceneFaqSearch();
        hybrid.replaceAll(BundledKnowledge.faqEntries());
        keywords = LuceneFaqSearch.keywordsOnly();
        keywords.replaceAll(BundledKnowledge.faqEntries());
    }

    @AfterAll
    static void close() {
        hybrid.close();
        keywords.close();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "老板跑路了工钱找谁要,     老板跑路",
            "撞了人跑了怎么办,         逃逸",
            "老板欠我三个月工钱不给,   拖欠工资",
    })
    void aCitizensWordingFindsItsEntryMoreSurelyThanWordsAlone(String question, String inEntry) {
        FaqMatch byBoth = hybrid.search(question, 1).get(0);
        FaqMatch byWords = keywords.search(question, 1).get(0);

        assertThat(byBoth.entry().question()).contains(inEntry);
        assertThat(byBoth.confidence()).isGreaterThanOrEqualTo(FaqConfidence.answer()).isGreaterThan(byWords.confidence());
    }

    /** Forty texts outside the law: weather, food, chit-chat, shopping, health, trivia, gibberish. */
    @ParameterizedTest
    @ValueSource(strings = {"今天天气怎么样", "明天北京会下雨吗", "下周会降温吗", "今天空气质量好不好", "外面风大不大",
            "红烧肉怎么做好吃", "西红柿炒鸡蛋先放什么", "饺子馅怎么调", "蛋糕怎么烤才松软", "米饭煮多久",
            "你是机器人吗", "你叫什么名字", "你好", "谢谢你", "早上好", "哈哈哈哈", "嗯嗯好的", "拜拜",
            "推荐一部好看的电影", "最近有什么好听的歌", "股票怎么买", "基金怎么定投", "今晚吃什么好呢", "周末去哪里玩",
            "杭州西湖门票多少钱", "去北京坐高铁要多久", "iPhone和华为哪个好", "怎么减肥最快", "感冒了吃什么药",
            "猫咪不吃饭怎么办", "asdfghjkl", "qwertyuiop", "啊啊啊啊啊", "顶顶顶", "的的的的", "ok", "test",
            "世界上最高的山是哪座", "一加一等于几", "我想学做菜去哪里报班"})
    void offTopicTextFindsNothingConfidently(String text) {
        assertThat(hybrid.search(text, 5)).allSatisfy(m -> assertThat(m.confidence()).isLessThan(FaqConfidence.choice()));
    }

    @Test
    void anEntrysOwnQuestionStaysAFullMatch() {
        FaqEntry entry = BundledKnowledge.faqEntries().get(0);

        FaqMatch best = hybrid.search(entry.question(), 1).get(0);

        assertThat(best.entry().id()).isEqualTo(entry.id());
        assertThat(best.confidence()).isEqualTo(1.0);
    }
}
