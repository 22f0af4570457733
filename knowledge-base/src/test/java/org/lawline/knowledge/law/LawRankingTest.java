package org.lawline.knowledge.law;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lawline.knowledge.Fixtures;
import org.lawline.knowledge.ImportLimits;
import org.lawline.knowledge.LawArticle;
import org.lawline.knowledge.LawArticleMatch;
import org.lawline.knowledge.embedding.CountingEmbedder;
import org.lawline.knowledge.importing.LawArticleFileReader;
import org.lawline.knowledge.tuning.CrossValidation;

/**
 * The live search and the cross-validation of {@code ./lawline eval --folds} rank by one code
 * path: the same candidates, ranked by {@link LawRanking#rank}. On the first 1,200 of the shared
 * statutes' articles (the civil code's), with a stand-in model: what is proved is the agreement,
 * not the quality.
 */
class LawRankingTest {

    private static final int ARTICLES = 1_200;
    private static final List<String> QUESTIONS = List.of(
            "借钱不还怎么办", "离婚后孩子归谁抚养", "邻居家的树挡住了我家的阳光", "合同违约要赔偿多少",
            "租的房子漏水房东不修", "公司拖欠工资三个月", "交通事故对方全责怎么赔", "遗嘱怎么写才有效");

    private static LuceneLawArticles hybrid;
    private static LuceneLawArticles words;

    @BeforeAll
    static void index() {
        List<LawArticle> articles = new ArrayList<>();
        new LawArticleFileReader(ImportLimits.DEFAULTS).read(Fixtures.sharedData().resolve("laws/core_law_articles.jsonl"),
                article -> {
                    if (articles.size() < ARTICLES) {
                        articles.add(article);
                    }
                }, (rows, bytes, total) -> { });
        hybrid = new LuceneLawArticles(Optional.of(new ArticleVectors(new CountingEmbedder("law-ranking-test"),
                Optional.empty())), LawRanking.DEFAULT);
        hybrid.replaceAll(articles);
        hybrid.awaitVectors();
        words = new LuceneLawArticles();
        words.replaceAll(articles);
    }

    @AfterAll
    static void close() {
        hybrid.close();
        words.close();
    }

    @Test
    void theSearchRanksItsCandidatesByTheShippedSetting() {
        for (String question : QUESTIONS) {
            List<ArticleCandidate> candidates = hybrid.candidates(question, List.of()).candidates();
            assertThat(candidates).as(question).anyMatch(c -> c.bm25() == 0).anyMatch(c -> !Double.isNaN(c.cosine()));

            assertThat(hybrid.search(question, 50)).as(question)
                    .isEqualTo(LawRanking.DEFAULT.rank(candidates).subList(0, 50));
        }
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
        LawRanking other = new LawRanking(0.5, LawRanking.DEFAULT.candidates(), 0.3);
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
