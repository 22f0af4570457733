package org.lawline.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.LabelProbabilities;
import org.lawline.knowledge.LabelledExample;
import org.lawline.knowledge.TextClassifier;
import org.lawline.knowledge.TextClassifiers;

/**
 * The recogniser learns the entries citizens' questions are answered from, and learns them again
 * only when they change. Training runs where the test says: at once, or when the test runs it.
 */
class UnderstandingTest {

    private final RecordingClassifiers classifiers = new RecordingClassifiers();

    @Test
    void theFirstTrainingLearnsTheGivenEntriesAsLegalQuestions() {
        Understanding understanding = new Understanding(Optional.of(classifiers), Runnable::run, List.of(Fixtures.WAGES));

        assertThat(understanding.ready()).isCompleted();
        assertThat(understanding.recogniser()).isPresent();
        List<String> expected = new ArrayList<>(List.of(Fixtures.WAGES.question()));
        expected.addAll(Fixtures.WAGES.phrasings());
        assertThat(classifiers.lastQuestions()).containsExactlyElementsOf(expected);
    }

    @Test
    void changedEntriesAreLearntAndTheNewRecogniserReplacesTheOld() {
        Understanding understanding = new Understanding(Optional.of(classifiers), Runnable::run, List.of(Fixtures.WAGES));
        MeaningRecogniser before = understanding.recogniser().orElseThrow();

        understanding.learn(List.of(Fixtures.WAGES, Fixtures.CUSTODY));

        assertThat(classifiers.trainings).hasSize(2);
        assertThat(classifiers.lastQuestions()).contains(Fixtures.CUSTODY.question());
        assertThat(understanding.recogniser()).get().isNotSameAs(before);
    }

    @Test
    void theEntriesItKnowsAlreadyAreNotLearntAgain() {
        Understanding understanding = new Understanding(Optional.of(classifiers), Runnable::run, List.of(Fixtures.WAGES));

        understanding.learn(List.of(Fixtures.WAGES));

        assertThat(classifiers.trainings).hasSize(1);
    }

    @Test
    void entriesThatChangeDuringATrainingAreLearntAfterItOnlyTheLatest() {
        List<Runnable> queued = new ArrayList<>();
        Executor later = queued::add;
        Understanding understanding = new Understanding(Optional.of(classifiers), later, List.of(Fixtures.WAGES));
        queued.remove(0).run();

        understanding.learn(List.of(Fixtures.WAGES, Fixtures.CUSTODY));
        understanding.learn(List.of(Fixtures.WAGES, Fixtures.CUSTODY, Fixtures.OVERTIME));
        queued.forEach(Runnable::run);

        assertThat(classifiers.trainings).hasSize(2);
        assertThat(classifiers.lastQuestions()).contains(Fixtures.CUSTODY.question(), Fixtures.OVERTIME.question());
    }

    @Test
    void aTrainingThatFailsLaterKeepsTheRecogniserThereWas() {
        Understanding understanding = new Understanding(Optional.of(classifiers), Runnable::run, List.of(Fixtures.WAGES));
        MeaningRecogniser before = understanding.recogniser().orElseThrow();
        classifiers.failing = true;

        understanding.learn(List.of(Fixtures.WAGES, Fixtures.CUSTODY));

        assertThat(understanding.recogniser()).containsSame(before);
        classifiers.failing = false;
        understanding.learn(List.of(Fixtures.WAGES, Fixtures.CUSTODY));
        assertThat(understanding.recogniser()).get().isNotSameAs(before);
    }

    @Test
    void aFirstTrainingThatFailsLeavesTheKeywordRulesAlone() {
        classifiers.failing = true;

        Understanding understanding = new Understanding(Optional.of(classifiers), Runnable::run, List.of(Fixtures.WAGES));

        assertThat(understanding.ready()).isCompletedExceptionally();
        assertThat(understanding.recogniser()).isEmpty();
    }

    @Test
    void withoutClassifiersThereIsNoRecogniserAndNothingToLearn() {
        Understanding understanding = new Understanding(Optional.empty(), Runnable::run, List.of(Fixtures.WAGES));

        understanding.learn(List.of(Fixtures.CUSTODY));

        assertThat(understanding.ready()).isCompleted();
        assertThat(understanding.recogniser()).isEmpty();
    }

    /** Records what each training was given; each trained classifier is a new one. */
    private static final class RecordingClassifiers implements TextClassifiers {

        private static final Set<String> TEAM_UTTERANCES =
                IntentExamples.training().stream().map(LabelledExample::text).collect(Collectors.toSet());

        final List<List<LabelledExample>> trainings = new ArrayList<>();
        volatile boolean failing;

        @Override
        public TextClassifier train(List<LabelledExample> examples) {
            if (failing) {
                throw new IllegalStateException("the model could not be loaded");
            }
            trainings.add(List.copyOf(examples));
            return text -> new LabelProbabilities(Map.of(MeaningRecogniser.QUESTION, 1.0), Map.of());
        }

        List<String> lastQuestions() {
            return trainings.get(trainings.size() - 1).stream()
                    .filter(example -> example.label().equals(MeaningRecogniser.QUESTION))
                    .map(LabelledExample::text)
                    .filter(text -> !TEAM_UTTERANCES.contains(text))
                    .toList();
        }
    }
}
