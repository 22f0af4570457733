package org.lawline.knowledge.law;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lawline.knowledge.ImportLimits;
import org.lawline.knowledge.ImportProgress;
import org.lawline.knowledge.KnowledgeWiring;
import org.lawline.knowledge.LawArticle;
import org.lawline.knowledge.LawArticleIndex;

/** Words and meaning together on a few articles, with the real model (in process, no network). */
class HybridLawArticleIndexTest {

    private static LawArticleIndex words;
    private static LawArticleIndex hybrid;

    @BeforeAll
    static void index() throws IOException {
        List<LawArticle> articles = new ArrayList<>();
        try (InputStream in = HybridLawArticleIndexTest.class.getResourceAsStream("/fixtures/law_articles_fixture.jsonl")) {
            KnowledgeWiring.lawArticleImport(ImportLimits.DEFAULTS).read(in, articles::add, ImportProgress.NONE);
        }
        articles.add(LawArticle.of("中华人民共和国民法典", "第一千二百四十五条",
                "饲养的动物造成他人损害的，动物饲养人或者管理人应当承担侵权责任；但是，能够证明损害是因被侵权人故意"
                        + "或者重大过失造成的，可以不承担或者减轻责任。", "侵权责任编", "第九章  饲养动物损害责任"));
        words = KnowledgeWiring.keywordLawArticleIndex();
        words.replaceAll(articles);
        hybrid = KnowledgeWiring.hybridLawArticleIndex();
        hybrid.replaceAll(articles);
        hybrid.awaitVectors();
    }

    @AfterAll
    static void close() {
        words.close();
        hybrid.close();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "邻居家的猫把我抓伤了,        art:民法典第一千二百四十五条",
            "开车把行人碰了,              art:道路交通安全法第七十六条",
            "俩人日子过不下去了，想散伙,  art:民法典第一千零七十九条",
    })
    void aQuestionSharingNoWordWithAnArticleFindsItByMeaning(String question, String article) {
        assertThat(words.search(question, 5)).as("no word, synonym or bigram in common").isEmpty();

        assertThat(hybrid.search(question, 3)).first().extracting(m -> m.article().id()).isEqualTo(article);
    }

    @Test
    void aQuestionInTheStatutesWordsKeepsItsArticleFirst() {
        assertThat(hybrid.search("用人单位未及时足额支付劳动报酬，劳动者可以解除劳动合同吗", 1))
                .extracting(m -> m.article().id()).containsExactly("art:劳动合同法第三十八条");
    }

    @Test
    void textWithoutAnyWordFindsNothingByMeaningEither() {
        assertThat(hybrid.search("😀😀", 5)).isEmpty();
        assertThat(hybrid.search("", 5)).isEmpty();
    }
}
