package org.lawline.knowledge.importing;

import java.util.ArrayList;
import java.util.List;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.ImportLimits;
import org.lawline.knowledge.LawReference;

/**
 * What a row needs to become an entry: an id, a question and an answer, every law reference
 * readable, every text within its size. Text is stripped of surrounding white space; empty
 * phrasings and references are dropped.
 */
final class EntryRules {

    /** Sizes fixed by the faq_entry table. */
    static final int MAX_ID_CHARS = 100;
    static final int MAX_CATEGORY_CHARS = 100;
    private static final int MAX_PHRASINGS = 50;
    private static final int MAX_LAW_REFS = 50;
    private static final int MAX_LAW_REF_CHARS = 200;

    sealed interface Verdict {
        record Accepted(FaqEntry entry) implements Verdict {
        }

        record Refused(String reason) implements Verdict {
        }
    }

    private final ImportLimits limits;

    EntryRules(ImportLimits limits) {
        this.limits = limits;
    }

    Verdict check(RawRow row) {
        String id = row.id().strip();
        String question = row.question().strip();
        String answer = row.answer().strip();
        String category = row.category().strip();
        List<String> missing = new ArrayList<>();
        if (id.isEmpty()) {
            missing.add("id");
        }
        if (question.isEmpty()) {
            missing.add("question");
        }
        if (answer.isEmpty()) {
            missing.add("answer");
        }
        if (!missing.isEmpty()) {
            return refused("missing " + String.join(", ", missing));
        }
        if (id.length() > MAX_ID_CHARS) {
            return refused("id longer than " + MAX_ID_CHARS + " characters");
        }
        if (id.chars().anyMatch(Character::isISOControl)) {
            return refused("id contains control characters");
        }
        if (question.length() > limits.maxQuestionChars()) {
            return tooLong("question", question.length(), limits.maxQuestionChars());
        }
        if (answer.length() > limits.maxAnswerChars()) {
            return tooLong("answer", answer.length(), limits.maxAnswerChars());
        }
        if (category.length() > MAX_CATEGORY_CHARS) {
            return tooLong("category", category.length(), MAX_CATEGORY_CHARS);
        }
        List<String> phrasings = nonBlank(row.phrasings());
        if (phrasings.size() > MAX_PHRASINGS) {
            return refused("more than " + MAX_PHRASINGS + " phrasings");
        }
        for (String phrasing : phrasings) {
            if (phrasing.length() > limits.maxQuestionChars()) {
                return tooLong("a phrasing", phrasing.length(), limits.maxQuestionChars());
            }
        }
        List<String> written = nonBlank(row.lawRefs());
        if (written.size() > MAX_LAW_REFS) {
            return refused("more than " + MAX_LAW_REFS + " law references");
        }
        List<LawReference> lawRefs = new ArrayList<>(written.size());
        for (String ref : written) {
            if (ref.length() > MAX_LAW_REF_CHARS) {
                return tooLong("a law reference", ref.length(), MAX_LAW_REF_CHARS);
            }
            try {
                lawRefs.add(LawReference.parse(ref));
            } catch (IllegalArgumentException e) {
                return refused("unreadable law reference (law name followed by 第…条): " + Reasons.shorten(ref));
            }
        }
        return new Verdict.Accepted(new FaqEntry(id, question, phrasings, answer, category, lawRefs));
    }

    private static List<String> nonBlank(List<String> values) {
        return values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static Verdict refused(String reason) {
        return new Verdict.Refused(reason);
    }

    private static Verdict tooLong(String what, int length, int max) {
        return refused(what + " longer than " + max + " characters (" + length + ")");
    }
}
