package org.lawline.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.DialogSettings;
import org.lawline.conversation.LegalAidSettings;
import org.lawline.knowledge.BundledKnowledge;
import org.lawline.knowledge.FaqIndex;
import org.lawline.knowledge.KnowledgeWiring;
import org.lawline.knowledge.LabelledExample;
import org.lawline.knowledge.embedding.SoftmaxClassifiers;

/**
 * Five-fold cross-validation of the whole recognition (keywords, meaning, the knowledge base's
 * verdict) on the training utterances: each fold is recognised by a recogniser trained on the
 * other four. This is what the thresholds are tuned on; the held-out split
 * ({@link IntentRecognitionHeldOutTest}) is what they are judged on. The table is printed;
 * docs/intents.md reports it.
 */
class IntentRecognitionCrossValidationTest {

    private static final int FOLDS = 5;
    private static FaqIndex knowledge;

    @BeforeAll
    static void index() {
        knowledge = KnowledgeWiring.hybridFaqIndex(cacheFolder());
        knowledge.replaceAll(BundledKnowledge.faqEntries());
    }

    @AfterAll
    static void close() {
        knowledge.close();
    }

    @Test
    void crossValidatedRecognitionFindsAlmostEveryEmergencyAndRequestForAPerson() {
        IntentScores scores = crossValidate(MeaningRecogniser.Thresholds.DEFAULT);
        System.out.println("Five-fold cross-validation on the training utterances:\n" + scores.table());
        assertThat(scores.recall("emergency")).isGreaterThanOrEqualTo(0.95);
        assertThat(scores.recall("person")).isGreaterThanOrEqualTo(0.9);
    }

    private static IntentScores crossValidate(MeaningRecogniser.Thresholds thresholds) {
        List<LabelledExample> examples = IntentExamples.training();
        SoftmaxClassifiers classifiers = SoftmaxClassifiers.shared(Optional.of(cacheFolder()));
        IntentScores scores = new IntentScores();
        for (int fold = 0; fold < FOLDS; fold++) {
            List<LabelledExample> training = new ArrayList<>();
            List<LabelledExample> test = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                // the file is sorted by label: every fifth line spreads each label over all folds
                (i % FOLDS == fold ? test : training).add(examples.get(i));
            }
            MeaningRecogniser meaning = MeaningRecogniser.train(classifiers, training, BundledKnowledge.faqEntries(), thresholds);
            Interpreter interpreter = new Interpreter(new Router(), Optional.of(meaning), knowledge, DialogSettings.defaults(),
                    new EligibilityCheck(LegalAidSettings.defaults()));
            test.forEach(example -> scores.add(example.label(), interpreter, example.text()));
        }
        return scores;
    }

    private static Path cacheFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"), "lawline-embeddings");
    }
}
