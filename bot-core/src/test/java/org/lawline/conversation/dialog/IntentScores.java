package org.lawline.conversation.dialog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.lawline.conversation.ConversationSnapshot;

/**
 * Precision and recall per intent of what an {@link Interpreter} makes of labelled utterances in
 * a fresh conversation. A referral counts only with the right hotline; every emergency label is
 * one intent (the numbers differ, the reply is the same kind).
 */
final class IntentScores {

    /** intent → {true positives, false positives, false negatives} */
    private final Map<String, int[]> counts = new TreeMap<>();

    void add(String label, String found) {
        String gold = intentOf(label);
        if (gold.equals(found)) {
            counts.computeIfAbsent(gold, k -> new int[3])[0]++;
        } else {
            counts.computeIfAbsent(found, k -> new int[3])[1]++;
            counts.computeIfAbsent(gold, k -> new int[3])[2]++;
        }
    }

    void add(String label, Interpreter interpreter, String text) {
        add(label, recognised(interpreter, text));
    }

    double recall(String intent) {
        int[] c = counts.getOrDefault(intent, new int[3]);
        return c[0] + c[2] == 0 ? 1 : (double) c[0] / (c[0] + c[2]);
    }

    double precision(String intent) {
        int[] c = counts.getOrDefault(intent, new int[3]);
        return c[0] + c[1] == 0 ? 1 : (double) c[0] / (c[0] + c[1]);
    }

    Map<String, Double> recalls() {
        Map<String, Double> recalls = new LinkedHashMap<>();
        counts.keySet().forEach(intent -> recalls.put(intent, recall(intent)));
        return recalls;
    }

    String table() {
        StringBuilder table = new StringBuilder("intent                        n    precision  recall\n");
        counts.forEach((intent, c) -> table.append(String.format("%-28s %4d    %.3f      %.3f%n",
                intent, c[0] + c[2], precision(intent), recall(intent))));
        return table.toString();
    }

    /** What the dialog makes of the text in a fresh conversation, named as {@link #intentOf} names labels. */
    static String recognised(Interpreter interpreter, String text) {
        Cue cue = interpreter.interpret(ConversationSnapshot.fresh(Instant.EPOCH), text);
        if (!(cue instanceof Cue.Said said)) {
            return "question";
        }
        Utterance u = said.utterance();
        return switch (u.intent()) {
            case EMERGENCY -> "emergency";
            case ASK_FOR_PERSON -> "person";
            case REFERRAL -> "referral:" + u.hotlines().get(0).name();
            case GREETING -> switch (u.greeting()) {
                case HELLO -> "greeting";
                case THANKS, ACK, GOODBYE -> "thanks";
                case SMALL_TALK -> "small_talk";
                case WANTS_TO_ASK -> "want_to_ask";
            };
            default -> "question";
        };
    }

    static String intentOf(String label) {
        if (label.startsWith("emergency:")) {
            return "emergency";
        }
        return switch (label) {
            case "referral:12345" -> "referral:CITY_SERVICES";
            case "referral:12315" -> "referral:CONSUMER_COMPLAINTS";
            case "referral:12333" -> "referral:SOCIAL_SECURITY";
            case "referral:12338" -> "referral:WOMENS_RIGHTS";
            case "referral:fraud" -> "referral:ANTI_FRAUD";
            default -> label;
        };
    }
}
