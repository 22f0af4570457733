package org.lawline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled knowledge base answers the common questions: each question's best entry is about
 * its topic (its question or a phrasing holds one of the topic's words). Checked by topic, not
 * by id, so it keeps holding when the bundled file grows.
 */
class BundledKnowledgeSearchTest {

    private static FaqIndex search;

    @BeforeAll
    static void index() {
        search = KnowledgeWiring.hybridFaqIndex();
        search.replaceAll(BundledKnowledge.faqEntries());
    }

    @AfterAll
    static void close() {
        search.close();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', value = {
            "老板欠我三个月工钱不给;          工资 拖欠 欠薪",
            "公司把我开除了能要赔偿吗;        辞退 开除 解雇 解除",
            "我想跟老公分开，孩子归谁;        抚养 孩子 子女",
            "被车撞了对方要赔我什么;          交通事故 车祸 撞",
            "打官司请不起律师怎么办;          法律援助 律师",
            "两口子过不下去了想离婚;          离婚",
    })
    void theBestEntryIsAboutTheQuestionsTopic(String question, String topicWords) {
        List<FaqMatch> matches = search.search(question, 3);

        assertThat(matches).isNotEmpty();
        FaqMatch best = matches.get(0);
        String asked = best.entry().question() + " " + String.join(" ", best.entry().phrasings());
        assertThat(List.of(topicWords.split(" "))).as("topic of %s", best.entry().question())
                .anySatisfy(word -> assertThat(asked).contains(word));
        assertThat(best.confidence()).isGreaterThanOrEqualTo(FaqConfidence.answer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"今天天气怎么样", "红烧肉怎么做好吃", "你是机器人吗", "推荐一部好看的电影", "哈哈哈"})
    void offTopicTextFindsNothingConfidently(String text) {
        assertThat(search.search(text, 5)).allSatisfy(m -> assertThat(m.confidence()).isLessThan(FaqConfidence.choice()));
    }
}
