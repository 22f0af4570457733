package org.lawline.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.DialogState;
import org.lawline.knowledge.LabelProbabilities;

/**
 * Money sent to the wrong account is a question of getting it back (unjust enrichment), not a
 * fraud to report: the recogniser, trained on fraud victims' transfers, is sure of fraud for it,
 * and is not asked. Danger is still recognised first.
 */
class MistakenPaymentTest {

    private final Router router = new Router();

    @Test
    void aMistakenPaymentStaysAQuestionHoweverSureOfFraudTheClassifierIs() {
        MeaningRecogniser sureOfFraud = recogniserSaying("referral:fraud");

        Utterance said = refine(sureOfFraud, "我把钱转错账户了对方不还");

        assertThat(said.intent()).isEqualTo(Intent.QUESTION);
    }

    @Test
    void aTransferThatIsNoMistakeIsStillReadAsFraud() {
        MeaningRecogniser sureOfFraud = recogniserSaying("referral:fraud");

        Utterance said = refine(sureOfFraud, "对方说是客服 让我把钱转到他给的账户");

        assertThat(said.intent()).isEqualTo(Intent.REFERRAL);
        assertThat(said.hotlines()).containsExactly(Hotline.ANTI_FRAUD);
    }

    @Test
    void aMistakenPaymentWrittenInDangerIsStillAnEmergency() {
        MeaningRecogniser sureOfDanger = recogniserSaying("emergency:police");

        Utterance said = refine(sureOfDanger, "转错了钱 去要的时候对方拿刀出来了");

        assertThat(said.intent()).isEqualTo(Intent.EMERGENCY);
    }

    private Utterance refine(MeaningRecogniser recogniser, String text) {
        return recogniser.refine(router.classify(text), text, DialogState.BOT, SearchVerdict.Miss::new);
    }

    /** A classifier sure of one label, and close to one of its examples; as the real one, it gives every label a probability. */
    private static MeaningRecogniser recogniserSaying(String label) {
        Map<String, Double> probabilities = new HashMap<>();
        for (String other : List.of("question", "emergency:police", "emergency:medical", "referral:fraud", "person")) {
            probabilities.put(other, 0.0025);
        }
        probabilities.put(label, 0.99);
        return new MeaningRecogniser(text -> new LabelProbabilities(probabilities, Map.of(label, 0.9)),
                MeaningRecogniser.Thresholds.DEFAULT);
    }
}
