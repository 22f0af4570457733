package org.lawline.conversation.dialog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.TextClassifiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recogniser of what a message means, and its training: first on the bundled entries, as the
 * service starts, then again whenever the entries citizens' questions are answered from differ
 * from those it learnt (entries imported, written or changed by administrators), so that their
 * questions read as legal questions and not as a referral or an emergency. Training runs on the
 * executor it is given, one at a time; entries that arrive while a training runs are learnt
 * after it, only the latest. Until the first training ends there is no recogniser, and the
 * keyword rules decide alone; a later training that fails keeps the recogniser there was.
 * Thread safe.
 */
final class Understanding {

    private static final Logger log = LoggerFactory.getLogger(Understanding.class);

    private final Optional<TextClassifiers> classifiers;
    private final Executor trainer;
    private final AtomicReference<MeaningRecogniser> recogniser = new AtomicReference<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final AtomicReference<List<FaqEntry>> waiting = new AtomicReference<>();
    /** The legal questions the current recogniser was trained on, to tell whether new entries change anything. */
    private volatile List<String> learnt = List.of();

    /**
     * @param classifiers empty: no recogniser at all, the keyword rules decide
     * @param trainer     where training runs: a thread of its own in the service, so a start does not wait for it
     * @param entries     what the first training learns legal questions from
     */
    Understanding(Optional<TextClassifiers> classifiers, Executor trainer, List<FaqEntry> entries) {
        this.classifiers = Objects.requireNonNull(classifiers, "classifiers");
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        if (classifiers.isEmpty()) {
            ready.complete(null);
        } else {
            waiting.set(List.copyOf(entries));
            trainer.execute(this::trainOnWaitingEntries);
        }
    }

    /** Already trained: for tests that want whole turns by meaning at once. */
    static Understanding trained(MeaningRecogniser recogniser) {
        Understanding understanding = new Understanding(Optional.empty(), Runnable::run, List.of());
        understanding.recogniser.set(Objects.requireNonNull(recogniser, "recogniser"));
        return understanding;
    }

    /** The recogniser, once the first training ended. */
    Optional<MeaningRecogniser> recogniser() {
        return Optional.ofNullable(recogniser.get());
    }

    /** Completes when the first training ends; exceptionally when it failed. */
    CompletableFuture<Void> ready() {
        return ready;
    }

    /** Trains again on these entries, unless their questions are the ones already learnt. */
    void learn(List<FaqEntry> entries) {
        if (classifiers.isEmpty() || MeaningRecogniser.questionsOf(entries).equals(learnt)) {
            return;
        }
        if (waiting.getAndSet(List.copyOf(entries)) == null) {
            trainer.execute(this::trainOnWaitingEntries);
        }
    }

    private void trainOnWaitingEntries() {
        List<FaqEntry> entries = waiting.getAndSet(null);
        if (entries == null) {
            return;
        }
        List<String> questions = MeaningRecogniser.questionsOf(entries);
        boolean first = !ready.isDone();
        if (!first && questions.equals(learnt)) {
            return;
        }
        long started = System.nanoTime();
        try {
            recogniser.set(MeaningRecogniser.train(classifiers.orElseThrow(), entries));
            learnt = questions;
            log.info("Intent recogniser trained on {} knowledge-base entries in {} ms", entries.size(),
                    (System.nanoTime() - started) / 1_000_000);
            ready.complete(null);
        } catch (RuntimeException | Error e) {
            if (first) {
                log.error("The intent recogniser could not be trained; keyword rules alone recognise emergencies and requests", e);
                ready.completeExceptionally(e);
            } else {
                log.warn("The intent recogniser could not learn the changed entries; it keeps what it learnt before", e);
            }
        }
    }
}
