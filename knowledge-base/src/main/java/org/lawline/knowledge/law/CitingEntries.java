package org.lawline.knowledge.law;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.lawline.knowledge.FaqMatch;
import org.lawline.knowledge.FaqSearch;
import org.lawline.knowledge.LawReference;

/**
 * What LawLine's own knowledge base says a question is about: the articles cited by the FAQ
 * entries the question finds, the team having checked each entry's citations against the
 * statutes. An article cited by an entry close to the question is likely the one it asks about,
 * even when neither its words nor its vector are the nearest.
 *
 * <p>The FAQ search consulted is whichever the wiring gives: the service's live index (an entry
 * the administrators change counts at the next question) or, in {@code ./lawline eval --corpus
 * laws}, the bundled entries. None: no article has evidence, and the law search ranks as it did
 * without it.
 */
final class CitingEntries {

    /** No knowledge base consulted. */
    static final CitingEntries NONE = new CitingEntries(Optional.empty());

    /**
     * Entries read for a question. Measured on statute_dev's tuning part (288 questions; 5-fold
     * cross-validated top-1 / r3, the semantic and evidence weights chosen per fold, no chapter
     * share): the first entry alone 0.503 / 0.705, the first three 0.514 / 0.705, five 0.510 /
     * 0.705, ten 0.514 / 0.701 (the shipped ranking without evidence 0.500 / 0.681). Further
     * down, entries are less often about the question and cite more articles that are not.
     */
    static final int ENTRIES = 3;

    private final Optional<FaqSearch> faq;

    private CitingEntries(Optional<FaqSearch> faq) {
        this.faq = faq;
    }

    static CitingEntries of(FaqSearch faq) {
        return new CitingEntries(Optional.of(faq));
    }

    /**
     * The evidence for each article cited by the first {@link #ENTRIES} entries the question
     * finds: the highest {@link FaqMatch#confidence} among the entries citing it (comparable
     * across questions, 0 to 1). Articles not cited have none (absent, read as 0).
     */
    Map<String, Double> of(String question) {
        if (faq.isEmpty()) {
            return Map.of();
        }
        Map<String, Double> evidence = new HashMap<>();
        for (FaqMatch match : faq.get().search(question, ENTRIES)) {
            for (LawReference cited : match.entry().lawRefs()) {
                evidence.merge(cited.articleId(), match.confidence(), Math::max);
            }
        }
        return evidence;
    }
}
