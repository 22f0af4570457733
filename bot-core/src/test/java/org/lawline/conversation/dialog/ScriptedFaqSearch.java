package org.lawline.conversation.dialog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqMatch;
import org.lawline.knowledge.FaqSearch;

/**
 * A knowledge base for tests: the entries are real {@link FaqEntry} fixtures, and what a search
 * returns is scripted per question, so each test states the ranking it is about. Records the
 * questions searched.
 */
final class ScriptedFaqSearch implements FaqSearch {

    private final Map<String, FaqEntry> entries = new LinkedHashMap<>();
    private final Map<String, List<FaqMatch>> results = new ConcurrentHashMap<>();
    private final List<String> searched = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<String, List<FaqMatch>> otherwise = text -> List.of();

    ScriptedFaqSearch(FaqEntry... entries) {
        for (FaqEntry entry : entries) {
            this.entries.put(entry.id(), entry);
        }
    }

    /** The search for exactly this text returns these matches, as (entry id, score, confidence) triples. */
    ScriptedFaqSearch when(String text, Object... idScoreConfidence) {
        List<FaqMatch> matches = new ArrayList<>();
        for (int i = 0; i < idScoreConfidence.length; i += 3) {
            matches.add(new FaqMatch(entry((String) idScoreConfidence[i]),
                    ((Number) idScoreConfidence[i + 1]).doubleValue(), ((Number) idScoreConfidence[i + 2]).doubleValue()));
        }
        results.put(text, List.copyOf(matches));
        return this;
    }

    /** Any text not scripted gets this. */
    ScriptedFaqSearch otherwise(Function<String, List<FaqMatch>> answer) {
        this.otherwise = answer;
        return this;
    }

    void remove(String entryId) {
        entries.remove(entryId);
    }

    FaqEntry entry(String id) {
        FaqEntry entry = entries.get(id);
        if (entry == null) {
            throw new IllegalArgumentException("No fixture entry " + id);
        }
        return entry;
    }

    List<String> searched() {
        return List.copyOf(searched);
    }

    @Override
    public List<FaqMatch> search(String text, int limit) {
        searched.add(text);
        List<FaqMatch> matches = results.getOrDefault(text, otherwise.apply(text));
        return matches.subList(0, Math.min(limit, matches.size()));
    }

    @Override
    public Optional<FaqEntry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }
}
