package org.lawline.knowledge.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionVectorsTest {

    @Test
    void theSameQuestionIsEmbeddedOnceHoweverOftenAndHoweverItIsSpaced() {
        CountingEmbedder model = new CountingEmbedder("questions-once");
        QuestionVectors questions = new QuestionVectors(model, 16);

        float[] first = questions.of("老板拖欠工资怎么办？");
        float[] second = questions.of("  老板拖欠工资怎么办？\n");
        QuestionVectors.Asked third = questions.asked("老板拖欠工资怎么办？");

        assertThat(model.calls()).isEqualTo(1);
        assertThat(second).isSameAs(first);
        assertThat(third.meaning()).isSameAs(first);
    }

    @Test
    void aNewQuestionsTwoVectorsComeFromOneCallOfTheMessageAsTypedAndItsNormalisedFormAfterTheQueryInstruction() {
        CountingEmbedder model = new CountingEmbedder("questions-both");
        QuestionVectors questions = new QuestionVectors(model, 16);

        QuestionVectors.Asked asked = questions.asked(" 工资（３个月）没发？");

        assertThat(model.calls()).isEqualTo(1);
        assertThat(model.embedded()).isEqualTo(2);
        assertThat(asked.meaning()).containsExactly(model.embed(List.of("工资（３个月）没发？")).get(0));
        assertThat(asked.searching()).containsExactly(
                model.embed(List.of(QuestionVectors.QUERY_INSTRUCTION + "工资(3个月)没发?")).get(0));
        assertThat(asked.searching()).isNotEqualTo(asked.meaning());
    }

    @Test
    void theCacheKeepsNoMoreThanItsCapacityAndForgetsTheLeastRecentlyAskedFirst() {
        CountingEmbedder model = new CountingEmbedder("questions-bounded");
        QuestionVectors questions = new QuestionVectors(model, 3);

        questions.of("问题一");
        questions.of("问题二");
        questions.of("问题三");
        questions.of("问题一"); // asked again: now the most recent
        questions.of("问题四");
        questions.of("问题五");

        assertThat(questions.size()).isEqualTo(3);
        assertThat(model.calls()).isEqualTo(5);
        questions.of("问题一"); // kept: asked more recently than 二 and 三
        assertThat(model.calls()).isEqualTo(5);
        questions.of("问题二"); // forgotten: computed again
        assertThat(model.calls()).isEqualTo(6);
        assertThat(questions.size()).isEqualTo(3);
    }

    @Test
    void aThousandDistinctQuestionsLeaveTheCacheAtItsCapacity() {
        QuestionVectors questions = new QuestionVectors(new CountingEmbedder("questions-many"), 100);

        for (int i = 0; i < 1_000; i++) {
            questions.of("第" + i + "个问题");
        }

        assertThat(questions.size()).isEqualTo(100);
    }

    @Test
    void aCacheThatCannotHoldOneTurnsVectorIsRefused() {
        assertThatThrownBy(() -> new QuestionVectors(new CountingEmbedder("questions-none"), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recent-questions");
    }

    @Test
    void aLongMessageIsEmbeddedByItsFirstFiveHundredCharacters() {
        CountingEmbedder model = new CountingEmbedder("questions-long");
        QuestionVectors questions = new QuestionVectors(model, 16);
        String story = "我".repeat(500);

        float[] whole = questions.of(story + "后面还有很长的经过");
        float[] head = questions.of(story);

        assertThat(head).isSameAs(whole);
        assertThat(model.calls()).isEqualTo(1);
    }
}
