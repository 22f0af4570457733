package org.lawline.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lawline.knowledge.FaqConfidence;
import org.lawline.knowledge.FaqMatch;
import org.lawline.knowledge.Fixtures;

/**
 * Ranking and confidence on the fixture entries, for questions worded the way citizens write,
 * not copied from the entries.
 */
class FaqRankingTest {

    private static LuceneFaqSearch search;

    @BeforeAll
    static void index() {
        search = new LuceneFaqSearch();
        search.replaceAll(Fixtures.faqEntries());
    }

    @AfterAll
    static void close() {
        search.close();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "老板欠我三个月工钱不给,                fx-wage-arrears",
            "公司把我开除了能要赔偿吗,              fx-unlawful-dismissal",
            "我想跟老公分开，孩子归谁,              fx-child-custody",
            "单位三个月没发薪水了我想辞职,          fx-wage-arrears-resign",
            "干了半年了还没签合同,                  fx-no-written-contract",
            "跟公司闹劳动纠纷去哪里申请仲裁,        fx-labour-arbitration",
            "在工地上干活摔伤了算不算工伤,          fx-work-injury",
            "老婆要离婚但是我不同意,                fx-divorce-by-lawsuit",
            "孩子的生活费前妻不让我出了,            fx-child-support",
            "被车撞了对方要赔我什么,                fx-traffic-accident-compensation",
            "打官司请不起律师怎么办,                fx-legal-aid-eligibility",
            "借给同学两万块一直不还,                fx-loan-not-repaid",
            "老板不给加班费,                        fx-overtime-pay",
    })
    void aQuestionWordedDifferentlyFindsItsEntryFirstWithConfidence(String question, String expected) {
        List<FaqMatch> matches = search.search(question, 5);

        assertThat(matches).isNotEmpty();
        assertThat(matches.get(0).entry().id()).isEqualTo(expected);
        assertThat(matches.get(0).confidence()).as("confidence of %s", expected).isGreaterThanOrEqualTo(FaqConfidence.answer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"今天天气怎么样", "明天北京会下雨吗", "红烧肉怎么做好吃", "西红柿炒鸡蛋先放什么",
            "你是机器人吗", "你好", "谢谢你", "哈哈哈哈", "推荐一部好看的电影", "我想学做菜去哪里报班", "股票怎么买",
            "今晚吃什么好呢", "周末去哪里玩", "asdfghjkl", "嗯嗯好的"})
    void offTopicTextFindsNothingConfidently(String text) {
        assertThat(search.search(text, 5)).allSatisfy(m -> assertThat(m.confidence()).isLessThan(FaqConfidence.choice()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"老板拖欠工资怎么办？", "协议离婚要办哪些手续？", "劳动仲裁怎么申请？"})
    void anEntrysOwnQuestionIsAFullMatch(String question) {
        FaqMatch best = search.search(question, 1).get(0);

        assertThat(best.entry().question()).isEqualTo(question);
        assertThat(best.confidence()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @CsvSource({
            "老板欠我工钱今天天气真好西红柿炒鸡蛋",
            "离婚的时候我的电脑游戏账号怎么分",
    })
    void aQuestionHalfAboutSomethingElseIsLessConfident(String question) {
        assertThat(search.search(question, 1).get(0).confidence()).isLessThan(FaqConfidence.answer());
    }
}
