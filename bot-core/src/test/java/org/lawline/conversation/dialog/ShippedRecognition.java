package org.lawline.conversation.dialog;

import java.nio.file.Path;
import java.util.Optional;
import org.lawline.conversation.DialogSettings;
import org.lawline.conversation.LegalAidSettings;
import org.lawline.knowledge.BundledKnowledge;
import org.lawline.knowledge.FaqIndex;
import org.lawline.knowledge.KnowledgeWiring;
import org.lawline.knowledge.embedding.SoftmaxClassifiers;

/**
 * The whole recognition as shipped, for tests that measure it on written messages: the keyword rules, the recogniser
 * trained on the shipped examples, and the hybrid search over the bundled entries for its verdicts. Vectors are cached
 * in the temporary folder, so the second test class to open it embeds nothing.
 */
final class ShippedRecognition implements AutoCloseable {

    private final FaqIndex knowledge;
    private final Interpreter interpreter;

    private ShippedRecognition(FaqIndex knowledge, Interpreter interpreter) {
        this.knowledge = knowledge;
        this.interpreter = interpreter;
    }

    static ShippedRecognition open() {
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "lawline-embeddings");
        FaqIndex knowledge = KnowledgeWiring.hybridFaqIndex(cache);
        knowledge.replaceAll(BundledKnowledge.faqEntries());
        MeaningRecogniser meaning = MeaningRecogniser.train(SoftmaxClassifiers.shared(Optional.of(cache)),
                BundledKnowledge.faqEntries());
        return new ShippedRecognition(knowledge, new Interpreter(new Router(), Optional.of(meaning), knowledge,
                DialogSettings.defaults(), new EligibilityCheck(LegalAidSettings.defaults())));
    }

    Interpreter interpreter() {
        return interpreter;
    }

    @Override
    public void close() {
        knowledge.close();
    }
}
