package org.lawline.conversation.dialog;

import java.util.List;
import java.util.Objects;

/**
 * A citizen's message as the router understood it.
 *
 * @param intent        what the message is
 * @param pick          the picked number, for {@link Intent#PICK}; 0 otherwise
 * @param hotlines      for {@link Intent#EMERGENCY}, the numbers to call, most urgent first; for
 *                      {@link Intent#REFERRAL}, the one hotline; for {@link Intent#QUESTION}, a line the
 *                      reply closes with (12356 for one that tells of self-harm in {@link Hindsight});
 *                      empty otherwise
 * @param greeting      for {@link Intent#GREETING}, which kind; {@link GreetingKind#HELLO} otherwise
 * @param settled       for {@link Intent#QUESTION}, whether the keyword rules know it for a question better than
 *                      the recogniser of meaning would: only danger is then looked for by meaning
 *                      ({@link MeaningRecogniser#refine})
 */
record Utterance(Intent intent, int pick, List<Hotline> hotlines, GreetingKind greeting, boolean settled) {

    Utterance {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(greeting, "greeting");
        hotlines = List.copyOf(hotlines);
    }

    static Utterance of(Intent intent) {
        return new Utterance(intent, 0, List.of(), GreetingKind.HELLO, false);
    }

    /** A question the keyword rules are sure of, whatever its words look like to the recogniser. */
    static Utterance settledQuestion() {
        return new Utterance(Intent.QUESTION, 0, List.of(), GreetingKind.HELLO, true);
    }

    /** A question whose reply, whatever it is, closes with this hotline. */
    static Utterance questionWithCare(Hotline care) {
        return new Utterance(Intent.QUESTION, 0, List.of(care), GreetingKind.HELLO, false);
    }

    static Utterance pick(int number) {
        return new Utterance(Intent.PICK, number, List.of(), GreetingKind.HELLO, false);
    }

    static Utterance emergency(List<Hotline> numbers) {
        return new Utterance(Intent.EMERGENCY, 0, numbers, GreetingKind.HELLO, false);
    }

    static Utterance referral(Hotline hotline) {
        return new Utterance(Intent.REFERRAL, 0, List.of(hotline), GreetingKind.HELLO, false);
    }

    static Utterance greeting(GreetingKind kind) {
        return new Utterance(Intent.GREETING, 0, List.of(), kind, false);
    }

    /**
     * HELLO, THANKS, ACK and GOODBYE are greetings proper; SMALL_TALK is chat that is not a legal
     * question ("你是机器人吗"); WANTS_TO_ASK announces a question without asking it yet ("我想咨询个事").
     */
    enum GreetingKind { HELLO, THANKS, ACK, GOODBYE, SMALL_TALK, WANTS_TO_ASK }
}
