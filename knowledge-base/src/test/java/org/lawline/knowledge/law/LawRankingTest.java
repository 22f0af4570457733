package org.lawline.knowledge.law;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqIndex;
import org.lawline.knowledge.Fixtures;
import org.lawline.knowledge.ImportLimits;
import org.lawline.knowledge.LawArticle;
import org.lawline.knowledge.LawArticleMatch;
import org.lawline.knowledge.embedding.CountingEmbedder;
import org.lawline.knowledge.importing.LawArticleFileReader;
import org.lawline.knowledge.search.LuceneFaqSearch;
import org.lawline.knowledge.tuning.CrossValidation;

/**
 * The live search and the cross-validation of {@code ./lawline eval --folds} rank by one code
 * path: the same candidates, ranked by {@link LawRanking#rank}. On the first 1,200 of the shared
 * statutes' articles (the civil code's), with a stand-in model: what is proved is the agreement,
 * not the quality. The hybrid index consults a FAQ index (words only), as the service's does its
 * live one; one entry in it cites an article for one of the questions.
 */
class LawRankingTest {

    private static final int ARTICLES = 1_200;
    /** Asked as the FAQ entry's question, which cites the article ranked {@link #CITED_RANK} for it without the entry. */
    private static final String ASKED_IN_THE_FAQ = "邻居家的树挡住了我家的阳光";
    private static final int CITED_RANK = 4;
    private static final List<String> QUESTIONS = List.of(
            "借钱不还怎么办", "离婚后孩子归谁抚养", ASKED_IN_THE_FAQ, "合同违约要赔偿多少",
            "租的房子漏水房东不修", "公司拖欠工资三个月", "交通事故对方全责怎么赔", "遗嘱怎么写才有效");

    private static FaqIndex faq;
    private static LuceneLawArticles hybrid;
    private static LuceneLawArticles words;
    /** The search for {@link #ASKED_IN_THE_FAQ} before the entry citing one of its articles was added. */
    private static List<LawArticleMatch> beforeTheEntry;

    @BeforeAll
    static void index() {
        List<LawArticle> articles = new ArrayList<>();
        new LawArticleFileReader(ImportLimits.DEFAULTS).read(Fixtures.sharedData().resolve("laws/core_law_articles.jsonl"),
                article -> {
                    if (articles.size() < ARTICLES) {
                        articles.add(article);
                    }
                }, (rows, bytes, total) -> { });
        faq = LuceneFaqSearch.keywordsOnly();
        hybrid = new LuceneLawArticles(Optional.of(new ArticleVectors(new CountingEmbedder("law-ranking-test"),
                Optional.empty())), LawRanking.DEFAULT, CitingEntries.of(faq));
        hybrid.replaceAll(articles);
        hybrid.awaitVectors();
        beforeTheEntry = hybrid.search(ASKED_IN_THE_FAQ, 10);
        faq.upsert(new FaqEntry("faq-sunlight", ASKED_IN_THE_FAQ, List.of("邻居的树挡光怎么办"),
                "可以请求邻居排除妨碍。", "相邻关系", List.of(beforeTheEntry.get(CITED_RANK).article().reference())));
        words = new LuceneLawArticles();
        words.replaceAll(articles);
    }

    @AfterAll
    static void close() {
        hybrid.close();
        words.close();
        faq.close();
    }

    @Test
    void theSearchRanksItsCandidatesByTheShippedSetting() {
        for (String question : QUESTIONS) {
            List<ArticleCandidate> candidates = hybrid.candidates(question, List.of()).candidates();
            assertThat(candidates).as(question).anyMatch(c -> c.bm25() == 0).anyMatch(c -> !Double.isNaN(c.cosine()));

            assertThat(hybrid.search(question, 50)).as(question)
                    .isEqualTo(LawRanking.DEFAULT.rank(candidates).subList(0, 50));
        }
        assertThat(hybrid.candidates(ASKED_IN_THE_FAQ, List.of()).candidates()).as("the entry's evidence is among what is ranked")
                .anyMatch(c -> c.cited() > 0);
    }

    @Test
    void anArticleCitedByAnEntryCloseToTheQuestionRisesWithItsClosenessUnchanged() {
        LawArticleMatch cited = beforeTheEntry.get(CITED_RANK);

        List<LawArticleMatch> after = hybrid.search(ASKED_IN_THE_FAQ, 10);

        int rank = after.stream().map(m -> m.article().id()).toList().indexOf(cited.article().id());
        assertThat(rank).as("its rank once the FAQ index holds the entry").isBetween(0, CITED_RANK - 1);
        assertThat(after.get(rank).closeness()).isEqualTo(cited.closeness());
        assertThat(after.get(rank).score()).isGreaterThan(cited.score());
    }

    @Test
    void aWordsOnlySearchRanksItsCandidatesAsWordsAloneWithoutCloseness() {
        for (String question : QUESTIONS) {
            List<ArticleCandidate> candidates = words.candidates(question, List.of()).candidates();
            List<LawArticleMatch> expected = LawRanking.WORDS.rank(candidates);

            assertThat(words.search(question, 10)).as(question)
                    .isEqualTo(expected.subList(0, Math.min(10, expected.size())))
                    .allMatch(m -> Double.isNaN(m.closeness()));
        }
    }

    @Test
    void theCrossValidatedRankingOfTheShippedSettingIsTheLiveSearchs() {
        // labelled by the live search's own first article: no setting can rank them better, and the shipped one wins a tie
        List<LawQuestion> training = new ArrayList<>();
        for (String question : QUESTIONS) {
            training.add(hybrid.candidates(question, List.of(hybrid.search(question, 1).get(0).article().id())));
        }

        CrossValidation.Ranker<LawQuestion> ranker = hybrid.learner().fit(training);

        for (LawQuestion question : training) {
            assertThat(ranker.rank(question).subList(0, 50)).as(question.text())
                    .isEqualTo(hybrid.search(question.text(), 50).stream().map(m -> m.article().id()).toList());
        }
    }

    @Test
    void theLearnerLeavesTheShippedSettingWhenAnotherRanksTheTrainingQuestionsBetter() {
        LawRanking other = new LawRanking(0.5, LawRanking.DEFAULT.candidates(), 0.3, 0.2);
        assertThat(LawRanking.around(LawRanking.DEFAULT)).first().isEqualTo(LawRanking.DEFAULT);
        assertThat(LawRanking.around(LawRanking.DEFAULT)).contains(other);
        List<LawQuestion> training = new ArrayList<>();
        for (String question : QUESTIONS) {
            LawQuestion searched = hybrid.candidates(question, List.of());
            String shippedFirst = searched.rankedBy(LawRanking.DEFAULT).get(0);
            String otherFirst = searched.rankedBy(other).get(0);
            if (!otherFirst.equals(shippedFirst)) {
                training.add(hybrid.candidates(question, List.of(otherFirst)));
            }
        }
        assertThat(training).as("questions whose first article the two settings disagree on").isNotEmpty();

        CrossValidation.Ranker<LawQuestion> ranker = hybrid.learner().fit(training);

        for (LawQuestion question : training) {
            assertThat(ranker.rank(question).get(0)).as(question.text()).isIn(question.gold());
        }
    }
}
