package org.lawline.knowledge.law;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lawline.knowledge.ImportLimits;
import org.lawline.knowledge.ImportProgress;
import org.lawline.knowledge.LawArticle;
import org.lawline.knowledge.LawArticleImport;

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
            new LawArticleImport(ImportLimits.DEFAULTS).read(in, articles::add, ImportProgress.NONE);
        }
    }

    @Test
    void vectorsComeFromTheCacheOnASecondBuild() {
        CountingEmbedder first = new CountingEmbedder("cache-test");
        try (LuceneLawArticles index = hybrid(first, Optional.of(cache))) {
            index.replaceAll(articles);
            index.awaitVectors();
        }
        assertThat(first.embedded.get()).isEqualTo(2 * articles.size()); // two passages an article

        CountingEmbedder second = new CountingEmbedder("cache-test");
        try (LuceneLawArticles index = hybrid(second, Optional.of(cache))) {
            index.replaceAll(articles);
            index.awaitVectors();

            assertThat(second.embedded.get()).isZero();
            assertThat(index.search(WORDLESS_MATCH, 3)).hasSize(3);
        }
    }

    @Test
    void aRebuildFromTheSameArticlesRunsNoModelWithoutACacheFolder() {
        CountingEmbedder model = new CountingEmbedder("memory-test");
        try (LuceneLawArticles index = hybrid(model, Optional.empty())) {
            index.replaceAll(articles);
            index.awaitVectors();
            int afterFirst = model.embedded.get();

            index.replaceAll(articles.subList(1, articles.size()));
            index.awaitVectors();

            assertThat(model.embedded.get()).isEqualTo(afterFirst);
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

    private static LuceneLawArticles hybrid(CountingEmbedder model, Optional<Path> cache) {
        return new LuceneLawArticles(Optional.of(new ArticleVectors(model, cache)), LawRanking.DEFAULT);
    }
}
