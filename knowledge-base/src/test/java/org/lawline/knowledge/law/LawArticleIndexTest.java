package org.lawline.knowledge.law;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.knowledge.ImportLimits;
import org.lawline.knowledge.ImportProgress;
import org.lawline.knowledge.KnowledgeWiring;
import org.lawline.knowledge.LawArticle;
import org.lawline.knowledge.LawArticleIndex;
import org.lawline.knowledge.LawArticleMatch;
import org.lawline.knowledge.LawReference;

class LawArticleIndexTest {

    private final LawArticleIndex index = KnowledgeWiring.keywordLawArticleIndex();

    @BeforeEach
    void load() throws IOException {
        List<LawArticle> articles = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/fixtures/law_articles_fixture.jsonl")) {
            KnowledgeWiring.lawArticleImport(ImportLimits.DEFAULTS).read(in, articles::add, ImportProgress.NONE);
        }
        index.replaceAll(articles);
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void aCitationFindsItsArticleHoweverTheLawIsWritten() {
        LawArticle article = index.find(LawReference.parse("中华人民共和国劳动合同法第三十条")).orElseThrow();

        assertThat(article.id()).isEqualTo("art:劳动合同法第三十条");
        assertThat(article.text()).startsWith("用人单位应当按照劳动合同约定");
        assertThat(article.chapter()).isEqualTo("第三章  劳动合同的履行和变更");
        assertThat(index.find(LawReference.parse("《劳动合同法》第三十条"))).contains(article);
        assertThat(article.reference().display()).isEqualTo("《劳动合同法》第三十条");
    }

    @Test
    void anUnknownArticleIsNotFound() {
        assertThat(index.find(LawReference.parse("中华人民共和国劳动合同法第九十九条"))).isEmpty();
        assertThat(index.find((String) null)).isEmpty();
    }

    @Test
    void aCitizensWordsFindTheStatutesTerms() {
        // 老板 and 工资 are not in the article: the legal synonyms carry them to 用人单位 and 劳动报酬
        List<LawArticleMatch> matches = index.search("老板拖欠工资不发怎么办", 3);

        assertThat(matches).isNotEmpty();
        assertThat(matches.get(0).article().id()).isIn("art:劳动合同法第三十条", "art:劳动合同法第三十八条");
    }

    @Test
    void aQuestionAboutDivorceFindsTheDivorceArticle() {
        assertThat(index.search("我想和老公离婚，去哪里起诉", 1))
                .extracting(m -> m.article().id()).containsExactly("art:民法典第一千零七十九条");
    }

    @Test
    void queryCharactersAreOnlyCharactersAndNothingMatchesNothing() {
        assertThat(index.search("借钱 AND (\"合同\" OR *) ?", 5)).isNotEmpty();
        assertThat(index.search("😀😀", 5)).isEmpty();
        assertThat(index.search("", 5)).isEmpty();
        assertThat(index.search(null, 5)).isEmpty();
    }

    @Test
    void replacingTheArticlesLeavesOnlyTheNewOnes() {
        index.replaceAll(List.of(LawArticle.of("工伤保险条例", "第十四条", "职工有下列情形之一的，应当认定为工伤。", "", "")));

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.find("art:劳动合同法第三十条")).isEmpty();
        assertThat(index.search("工伤认定", 1)).extracting(m -> m.article().id()).containsExactly("art:工伤保险条例第十四条");
    }
}
