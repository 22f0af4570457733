package org.lawline.knowledge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lawline.knowledge.FaqEntries;
import org.lawline.knowledge.LawArticle;
import org.lawline.knowledge.LawArticleStore;
import org.lawline.knowledge.TestDatabase;

/** What every database must do for {@link JdbcLawArticles}; one subclass per database. */
abstract class LawArticleStoreContract {

    private static final Instant NOW = Instant.parse("2026-11-29T11:30:00Z");
    static final LawArticle WAGES = LawArticle.of("中华人民共和国劳动合同法", "第三十条",
            "用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。", "", "第三章  劳动合同的履行和变更");

    private TestDatabase database;
    private LawArticleStore articles;

    abstract TestDatabase openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        articles = new JdbcLawArticles(database.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aSavedArticleIsFoundByItsIdAsItWasSaved() {
        articles.saveAll(List.of(WAGES));

        assertThat(WAGES.id()).isEqualTo("art:劳动合同法第三十条");
        assertThat(articles.find("art:劳动合同法第三十条")).contains(WAGES);
        assertThat(articles.count()).isEqualTo(1);
        assertThat(articles.revision()).isEqualTo(new FaqEntries.Revision(1, NOW));
    }

    @Test
    void savingAnArticleAgainReplacesItsText() {
        articles.saveAll(List.of(WAGES));
        LawArticle amended = LawArticle.of(WAGES.law(), WAGES.article(), "修正后的条文。", "", "");

        articles.saveAll(List.of(amended));

        assertThat(articles.all()).containsExactly(amended);
    }

    @Test
    void anArticleWithoutBookOrChapterKeepsThemEmpty() {
        LawArticle bare = LawArticle.of("工伤保险条例", "第十四条", "职工有下列情形之一的，应当认定为工伤：……", null, null);
        articles.saveAll(List.of(bare));

        assertThat(articles.find(bare.id()).orElseThrow().book()).isEmpty();
        assertThat(articles.find(bare.id()).orElseThrow().chapter()).isEmpty();
    }
}
