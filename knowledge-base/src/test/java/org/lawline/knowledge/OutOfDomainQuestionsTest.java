package org.lawline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forty questions with nothing legal in them (outofdomain/questions.txt) against the bundled
 * knowledge base, searched as LawLine searches it, measured against the dialog's default
 * thresholds ({@link FaqConfidence}: answer, offer choices). LawLine must never give one of
 * them a confident legal answer.
 */
class OutOfDomainQuestionsTest {

    private static final Logger log = LoggerFactory.getLogger(OutOfDomainQuestionsTest.class);
    /** The dialog's default (bot-core's DialogSettings takes it from here): at or above this the bot answers outright. */
    private static final double ANSWER_CONFIDENCE = FaqConfidence.answer();
    /** At or above this, below the answer threshold, the bot offers numbered choices. */
    private static final double CHOICE_CONFIDENCE = FaqConfidence.choice();

    private static FaqIndex index;
    private static List<String> questions;
    private static List<Double> confidences;

    @BeforeAll
    static void searchEveryQuestion() throws IOException {
        index = KnowledgeWiring.hybridFaqIndex();
        index.replaceAll(BundledKnowledge.faqEntries());
        questions = questions();
        confidences = new ArrayList<>();
        for (String question : questions) {
            confidences.add(index.search(question, 1).stream().mapToDouble(FaqMatch::confidence).findFirst().orElse(0));
        }
        long none = confidences.stream().filter(c -> c < CHOICE_CONFIDENCE).count();
        long choices = confidences.stream().filter(c -> c >= CHOICE_CONFIDENCE && c < ANSWER_CONFIDENCE).count();
        long answers = confidences.stream().filter(c -> c >= ANSWER_CONFIDENCE).count();
        log.info("Out-of-domain confidences over {} questions: {} below {}, {} in [{}, {}), {} at or above {}; highest {}",
                questions.size(), none, CHOICE_CONFIDENCE, choices, CHOICE_CONFIDENCE, ANSWER_CONFIDENCE, answers,
                ANSWER_CONFIDENCE, String.format(Locale.ROOT, "%.3f",
                        confidences.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void thereAreFortyQuestions() {
        assertThat(questions).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void noneGetsAConfidentLegalAnswer() {
        for (int i = 0; i < questions.size(); i++) {
            assertThat(confidences.get(i)).as(questions.get(i)).isLessThan(ANSWER_CONFIDENCE);
        }
    }

    @Test
    void atLeastNineInTenFallBelowTheAnswerThreshold() {
        long below = confidences.stream().filter(c -> c < ANSWER_CONFIDENCE).count();

        assertThat(below).isGreaterThanOrEqualTo(36);
    }

    @Test
    void atLeastNineInTenAreNotEvenOfferedChoices() {
        // below the choice threshold the dialog says it has no answer: the issue's "no_answer"
        long below = confidences.stream().filter(c -> c < CHOICE_CONFIDENCE).count();

        assertThat(below).isGreaterThanOrEqualTo(36);
    }

    private static List<String> questions() throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                OutOfDomainQuestionsTest.class.getResourceAsStream("/outofdomain/questions.txt")), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.strip());
                }
            }
        }
        return lines;
    }
}
