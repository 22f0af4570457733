package org.lawline.knowledge.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    record Question(String text, Collection<String> gold) implements Judged {
    }

    private static List<Question> questions(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Question("问题" + i, List.of("doc" + i))).toList();
    }

    @Test
    void everyQueryIsRankedOnceByARankingLearnedWithoutItsFold() {
        List<Question> questions = questions(60);
        List<String> ranked = new ArrayList<>();

        CrossValidation.Outcome outcome = CrossValidation.run(questions, 5, training -> {
            Set<Question> seen = new HashSet<>(training);
            return question -> {
                assertThat(seen).as("the ranking of %s was learned on it", question.text()).doesNotContain(question);
                ranked.add(question.text());
                return List.copyOf(question.gold());
            };
        });

        assertThat(ranked).hasSize(60).doesNotHaveDuplicates();
        assertThat(outcome.pooled()).isEqualTo(new RankScores(60, 1, 1, 1));
        assertThat(outcome.perFold()).extracting(f -> f.scores().n()).allMatch(n -> n > 0)
                .satisfies(ns -> assertThat(ns.stream().mapToInt(Integer::intValue).sum()).isEqualTo(60));
    }

    @Test
    void aRankingThatOnlyRemembersItsTrainingQuestionsScoresNothingCrossValidated() {
        List<Question> questions = questions(40);
        CrossValidation.Learner<Question> memory = training -> {
            Map<String, List<String>> remembered = new HashMap<>();
            training.forEach(q -> remembered.put(q.text(), List.copyOf(q.gold())));
            return question -> remembered.getOrDefault(question.text(), List.of("doc-unrelated"));
        };

        // on the questions it learned from it looks perfect; held out, it knows nothing
        List<List<String>> onItsOwn = questions.stream().map(memory.fit(questions)::rank).toList();
        assertThat(RankScores.of(questions, onItsOwn).top1()).isEqualTo(1.0);
        assertThat(CrossValidation.run(questions, 4, memory).pooled().top1()).isZero();
    }

    @Test
    void aQuestionKeepsItsFoldWhateverTheOrderOfTheFile() {
        List<Question> questions = new ArrayList<>(questions(200));
        Map<String, Integer> folds = new HashMap<>();
        questions.forEach(q -> folds.put(q.text(), CrossValidation.foldOf(q.text(), 5)));
        Collections.shuffle(questions, new Random(7));

        questions.forEach(q -> assertThat(CrossValidation.foldOf(q.text(), 5)).isEqualTo(folds.get(q.text())));
        assertThat(new HashSet<>(folds.values())).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }

    @Test
    void tooFewFoldsOrQuestionsAreRefused() {
        assertThatThrownBy(() -> CrossValidation.run(questions(10), 1, t -> q -> List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 folds");
        assertThatThrownBy(() -> CrossValidation.run(questions(3), 5, t -> q -> List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 queries");
    }

    @Test
    void theGridKeepsTheSettingThatScoresBestAndTheFirstListedOnATie() {
        List<Question> questions = questions(10);
        // a setting is how many questions, from the first, it ranks right
        GridSearch<Question, Integer> grid = new GridSearch<>(List.of(3, 7, 7, 5),
                (q, setting) -> Integer.parseInt(q.text().substring(2)) < setting ? List.copyOf(q.gold()) : List.of("x"));

        assertThat(grid.best(questions)).isEqualTo(7);
        GridSearch<Question, String> tie = new GridSearch<>(List.of("current", "other"), (q, s) -> List.copyOf(q.gold()));
        assertThat(tie.best(questions)).isEqualTo("current");
        assertThat(tie.fit(questions).toString()).isEqualTo("current");
    }

    @Test
    void scoresCountTheFirstGoldIdWithinTen() {
        List<Question> questions = List.of(
                new Question("a", List.of("g")), new Question("b", List.of("g", "h")),
                new Question("c", List.of("g")), new Question("d", List.of("g")));
        List<List<String>> rankings = List.of(
                List.of("g", "x"),                                         // first: top-1, r3, 1
                List.of("x", "h", "g"),                                    // second: r3, 1/2
                List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "g"), // tenth: 1/10
                List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "g")); // eleventh: nothing

        RankScores scores = RankScores.of(questions, rankings);

        assertThat(scores.n()).isEqualTo(4);
        assertThat(scores.top1()).isEqualTo(0.25);
        assertThat(scores.r3()).isEqualTo(0.5);
        assertThat(scores.mrr10()).isCloseTo((1 + 0.5 + 0.1) / 4, org.assertj.core.data.Offset.offset(1e-9));
    }
}
