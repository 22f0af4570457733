package org.lawline.knowledge.law;

import java.util.Collection;
import java.util.List;
import org.lawline.knowledge.tuning.Judged;

/**
 * A labelled question searched once, for the cross-validation of the law search's ranking: its
 * candidates with what the ranking reads of them ({@link LuceneLawArticles#candidates(String)}),
 * which any setting ranks again ({@link LawRanking#rank}) without searching.
 */
public final class LawQuestion implements Judged {

    private final String text;
    private final List<String> gold;
    private final List<ArticleCandidate> candidates;

    LawQuestion(String text, Collection<String> gold, List<ArticleCandidate> candidates) {
        this.text = text;
        this.gold = List.copyOf(gold);
        this.candidates = List.copyOf(candidates);
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public Collection<String> gold() {
        return gold;
    }

    List<ArticleCandidate> candidates() {
        return candidates;
    }

    /** The ids of the candidates as the setting ranks them, best first. */
    List<String> rankedBy(LawRanking setting) {
        return setting.rank(candidates).stream().map(m -> m.article().id()).toList();
    }
}
