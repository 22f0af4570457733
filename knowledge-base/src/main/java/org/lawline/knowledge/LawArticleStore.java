package org.lawline.knowledge;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The law articles as they are kept: the source of truth the article index is built from.
 * Implementations are thread safe; a write is durable when the method returns.
 */
public interface LawArticleStore {

    /** Every article, ordered by id. */
    List<LawArticle> all();

    /** Stores the articles, each replacing the one with its id; in one transaction where the store has them. */
    void saveAll(Collection<LawArticle> articles);

    /** The article with this id, if there is one. */
    Optional<LawArticle> find(String id);

    /** How many articles there are. */
    int count();

    /** A cheap mark of the articles' state, as {@link FaqEntries#revision()} is of the entries'. */
    FaqEntries.Revision revision();
}
