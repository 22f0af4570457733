package org.lawline.knowledge.law;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lawline.knowledge.ImportLimits;
import org.lawline.knowledge.ImportProgress;
import org.lawline.knowledge.KnowledgeWiring;
import org.lawline.knowledge.LawArticle;
import org.lawline.knowledge.LawArticleIndex;
import org.lawline.knowledge.embedding.CountingEmbedder;

/** How a hybrid index gets its article vectors: from memory, from the cache folder, from the model in the background. */
class ArticleVectorsBuildTest {

    /** Shares no word, synonym or bigram with any fixture article: only a vector can find an article for it. */
    private static final String WORDLESS_MATCH = "邻居家的猫把我抓伤了";

    @TempDir
    Path cache;

    private final List<LawArticle> articles = new ArrayList<>();

    @BeforeEach
    void read() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/law_articles_fixture.jsonl")) {
            KnowledgeWiring.lawArticleImport(ImportLimits.DEFAULTS).read(in, articles::add, ImportProgress.NONE);
        }
    }

    @Test
    void vectorsComeFromTheCacheOnASecondBuild() {
        CountingEmbedder first = new CountingEmbedder("cache-test");
        try (LuceneLawArticles index = hybrid(first, Optional.of(cache))) {
            index.replaceAll(articles);
            index.awaitVectors();
        }
        assertThat(first.embedded()).isEqualTo(articles.stream().mapToInt(a -> ArticleVectors.sentences(a).size()).sum());

        CountingEmbedder second = new CountingEmbedder("cache-test");
        try (LuceneLawArticles index = hybrid(second, Optional.of(cache))) {
            index.replaceAll(articles);
            index.awaitVectors();

            assertThat(second.embedded()).isZero();
            assertThat(index.search(WORDLESS_MATCH, 3)).hasSize(3);
        }
    }

    @Test
    void whoeverWaitsForTheVectorsIsToldHowFarTheyAre() {
        List<int[]> told = new CopyOnWriteArrayList<>();
        try (LuceneLawArticles index = hybrid(new CountingEmbedder("progress-test"), Optional.empty())) {
            index.replaceAll(articles);
            index.awaitVectors((done, total) -> told.add(new int[] {done, total}));
        }

        assertThat(told).isNotEmpty().allSatisfy(step -> assertThat(step[1]).isEqualTo(articles.size()));
        assertThat(told.get(told.size() - 1)).containsExactly(articles.size(), articles.size());
    }

    @Test
    void aRebuildFromTheSameArticlesRunsNoModelWithoutACacheFolder() {
        CountingEmbedder model = new CountingEmbedder("memory-test");
        try (LuceneLawArticles index = hybrid(model, Optional.empty())) {
            index.replaceAll(articles);
            index.awaitVectors();
            int afterFirst = model.embedded();

            index.replaceAll(articles.subList(1, articles.size()));
            index.awaitVectors();

            assertThat(model.embedded()).isEqualTo(afterFirst);
            assertThat(index.size()).isEqualTo(articles.size() - 1);
        }
    }

    @Test
    @Timeout(60) // a build that waited for the held model would never return
    void theIndexAnswersByWordsWhileVectorsAreMissing() {
        CountingEmbedder model = CountingEmbedder.holdingBatches("held-test");
        try (LuceneLawArticles index = hybrid(model, Optional.of(cache))) {
            index.replaceAll(articles);

            assertThat(index.size()).isEqualTo(articles.size());
            assertThat(index.search("老板拖欠工资不发怎么办", 3)).extracting(m -> m.article().id())
                    .containsAnyOf("art:劳动合同法第三十条", "art:劳动合同法第三十八条");
            assertThat(index.search(WORDLESS_MATCH, 3)).as("no vectors yet").isEmpty();
            try (LawArticleIndex words = KnowledgeWiring.keywordLawArticleIndex()) {
                words.replaceAll(articles);
                for (String question : List.of("老板拖欠工资不发怎么办", "借钱不还怎么起诉", "离婚后孩子归谁")) {
                    assertThat(index.search(question, 5)).as("ranked as by words alone: " + question)
                            .isEqualTo(words.search(question, 5));
                }
            }

            model.release();
            index.awaitVectors();

            assertThat(index.search(WORDLESS_MATCH, 3)).as("found by meaning once the vectors are in").hasSize(3);
        }
    }

    @Test
    @Timeout(60)
    void aNewBuildStopsTheOldBuildsVectorsFromLandingOnItsArticles() {
        CountingEmbedder model = CountingEmbedder.holdingBatches("superseded-test");
        try (LuceneLawArticles index = hybrid(model, Optional.empty())) {
            index.replaceAll(articles);
            List<LawArticle> one = List.of(LawArticle.of("工伤保险条例", "第十四条", "职工有下列情形之一的，应当认定为工伤。", "", ""));
            index.replaceAll(one);

            model.release();
            index.awaitVectors();

            assertThat(index.size()).isEqualTo(1);
            assertThat(index.search("工伤认定", 5)).extracting(m -> m.article().id()).containsExactly("art:工伤保险条例第十四条");
        }
    }

    @Test
    void anArticleOfSeveralSentencesGetsAVectorForEachBesideItsWholeOneOfOneSentenceNone() {
        LawArticle several = LawArticle.of("中华人民共和国劳动合同法", "第三十八条",
                "用人单位有下列情形之一的，劳动者可以解除劳动合同：\n（一）未按照劳动合同约定提供劳动保护或者劳动条件的；\n"
                        + "（二）未及时足额支付劳动报酬的；\n用人单位以暴力手段强迫劳动者劳动的，劳动者可以立即解除劳动合同。",
                "", "第四章  劳动合同的解除和终止");
        LawArticle one = LawArticle.of("中华人民共和国民法典", "第六百七十九条", "自然人之间的借款合同，自贷款人提供借款时成立。",
                "合同编", "第十二章  借款合同");

        assertThat(ArticleVectors.clauses(several)).containsExactly(
                "劳动合同法 劳动合同的解除和终止：用人单位有下列情形之一的，劳动者可以解除劳动合同：",
                "劳动合同法 劳动合同的解除和终止：（一）未按照劳动合同约定提供劳动保护或者劳动条件的；",
                "劳动合同法 劳动合同的解除和终止：（二）未及时足额支付劳动报酬的；",
                "劳动合同法 劳动合同的解除和终止：用人单位以暴力手段强迫劳动者劳动的，劳动者可以立即解除劳动合同。");
        assertThat(ArticleVectors.clauses(one)).isEmpty();
        assertThat(ArticleVectors.passages(one)).containsExactly(
                "民法典 借款合同：自然人之间的借款合同，自贷款人提供借款时成立。", "自然人之间的借款合同，自贷款人提供借款时成立。");
    }

    @Test
    void anArticleIsAsCloseToAQuestionAsItsClosestClause() {
        ArticleVectors.ArticleVector vector = new ArticleVectors.ArticleVector(new float[] {1, 0, 0},
                List.of(new float[] {0, 1, 0}, new float[] {0, 0.6f, 0.8f}));

        assertThat(vector.cosine(new float[] {0, 0, 1})).isEqualTo(0.8f, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(vector.cosine(new float[] {1, 0, 0})).isEqualTo(1.0);
    }

    private static LuceneLawArticles hybrid(CountingEmbedder model, Optional<Path> cache) {
        return new LuceneLawArticles(Optional.of(new ArticleVectors(model, cache)), LawRanking.DEFAULT);
    }
}
