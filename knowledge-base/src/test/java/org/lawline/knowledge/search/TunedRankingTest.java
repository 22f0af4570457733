package org.lawline.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lawline.knowledge.BundledKnowledge;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqMatch;
import org.lawline.knowledge.tuning.CrossValidation;

/**
 * The order that tuning measures is the order citizens get: the live search ranks its
 * candidates with the same function, and the shipped weights, that cross-validation ranks them
 * with; the learner reads every weight; and no weight moves the confidence the dialog is
 * calibrated on.
 */
class TunedRankingTest {

    private static LuceneFaqSearch hybrid;

    @BeforeAll
    static void index() {
        hybrid = new LuceneFaqSearch();
        hybrid.replaceAll(BundledKnowledge.faqEntries());
    }

    @AfterAll
    static void close() {
        hybrid.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"老板欠我三个月工钱不给", "工伤；认定；期限", "离婚 孩子 抚养权", "借钱不还怎么起诉",
            "交通事故赔偿标准", "劳动合同到期不续签有补偿吗"})
    void theLiveSearchRanksAsTheCrossValidationRanksWithTheShippedWeights(String question) {
        List<FaqMatch> live = hybrid.search(question, 10);
        FaqQuestion searched = hybrid.candidates(question, Set.of());

        assertThat(live).isNotEmpty();
        assertThat(FaqRanking.SHIPPED.order(searched.candidates()).subList(0, live.size()))
                .containsExactlyElementsOf(live.stream().map(m -> m.entry().id()).toList());
        assertThat(live).containsExactlyElementsOf(FaqRanking.SHIPPED.matches(searched.candidates(), 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"公司拖欠工资三个月", "离婚后孩子抚养费怎么算", "被狗咬了找谁赔"})
    void aSearchForFewerResultsGivesTheHeadOfTheSearchForMore(String question) {
        // the law search asks for 3 of the question the dialog searched for 4: one search serves both
        List<FaqMatch> three = hybrid.search(question, 3);
        List<FaqMatch> four = hybrid.search(question, 4);
        List<FaqMatch> one = hybrid.search(question, 1);

        assertThat(four).hasSize(4);
        assertThat(three).containsExactlyElementsOf(four.subList(0, 3));
        assertThat(one).containsExactlyElementsOf(four.subList(0, 1));
    }

    @Test
    void aCandidatesWholeVectorIsKnownWheneverItsAskedVectorIs() {
        List<FaqCandidate> candidates = hybrid.candidates("公司拖欠工资怎么办", Set.of()).candidates();

        assertThat(candidates).isNotEmpty().allSatisfy(c -> {
            assertThat(c.features().meaningKnown()).isTrue();
            assertThat(c.features().wholeCosine()).isBetween(-1.0, 1.0);
        });
    }

    @Test
    void noWeightMovesTheConfidence() {
        List<FaqCandidate> candidates = hybrid.candidates("单位不给交社保可以辞职吗", Set.of()).candidates();
        FaqRanking wordsOnly = new FaqRanking(1, 0, 0);
        FaqRanking answersOnly = new FaqRanking(0, 0, 3);

        List<FaqMatch> one = wordsOnly.matches(candidates, candidates.size());
        List<FaqMatch> other = answersOnly.matches(candidates, candidates.size());

        for (FaqMatch match : one) {
            FaqMatch same = other.stream().filter(m -> m.entry().id().equals(match.entry().id())).findFirst().orElseThrow();
            assertThat(same.confidence()).isCloseTo(match.confidence(), within(0.0));
        }
    }

    @Test
    void theLearnerGivesTheWholeVectorWeightWhenOnlyItTellsTheAnswer() {
        FaqEntry asked = BundledKnowledge.faqEntries().get(0);
        FaqEntry told = BundledKnowledge.faqEntries().get(1);
        // the entry whose question matches better in words and asked meaning is not the answer; the one whose answer means the question is
        List<FaqQuestion> training = List.of(
                question("甲", told, asked),
                question("乙", told, asked),
                question("丙", told, asked));

        CrossValidation.Ranker<FaqQuestion> learned = hybrid.learner().fit(training);

        assertThat(training).allSatisfy(q -> assertThat(learned.rank(q).get(0)).isEqualTo(told.id()));
        assertThat(FaqRanking.SHIPPED.order(training.get(0).candidates()).get(0))
                .as("what the shipped weights make of the same made-up features").isEqualTo(asked.id());
    }

    /** Gold is {@code answer}, which shares fewer words and less asked meaning than {@code decoy} but whose whole entry is closer. */
    private static FaqQuestion question(String text, FaqEntry answer, FaqEntry decoy) {
        FaqFeatures gold = new FaqFeatures(0.6, 0.5, 0.5, 0.6, 0.7, 0.7, 0.95);
        FaqFeatures close = new FaqFeatures(1.0, 0.8, 0.8, 1.0, 0.8, 0.8, 0.6);
        return new FaqQuestion(text, Set.of(answer.id()),
                List.of(new FaqCandidate(decoy, close), new FaqCandidate(answer, gold)));
    }
}
