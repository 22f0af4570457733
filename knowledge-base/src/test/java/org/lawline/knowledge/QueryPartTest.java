package org.lawline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lawline.knowledge.tuning.CrossValidation;

class QueryPartTest {

    private static final List<String> QUESTIONS = IntStream.range(0, 2_000).mapToObj(i -> "第" + i + "个问题").toList();

    @Test
    void aboutOneQuestionInFiveIsHeldOutAndEveryQuestionIsInExactlyOnePart() {
        long heldOut = QUESTIONS.stream().filter(QueryPart.HELD_OUT::holds).count();

        assertThat(heldOut).isBetween(340L, 460L);
        assertThat(QUESTIONS).allMatch(q -> QueryPart.TUNING.holds(q) != QueryPart.HELD_OUT.holds(q));
        assertThat(QUESTIONS).allMatch(QueryPart.ALL::holds);
    }

    @Test
    void theHeldOutPartIsNoFoldOfTheCrossValidation() {
        List<String> heldOut = QUESTIONS.stream().filter(QueryPart.HELD_OUT::holds).toList();

        // held-out questions fall into every fold, in about equal shares
        for (int fold = 0; fold < 5; fold++) {
            int f = fold;
            assertThat(heldOut.stream().filter(q -> CrossValidation.foldOf(q, 5) == f).count())
                    .as("held-out questions in fold %d", fold).isBetween(50L, 110L);
        }
    }
}
