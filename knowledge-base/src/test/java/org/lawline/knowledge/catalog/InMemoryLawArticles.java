package org.lawline.knowledge.catalog;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.lawline.knowledge.FaqEntries;
import org.lawline.knowledge.LawArticle;
import org.lawline.knowledge.LawArticleStore;

/** Articles held in this process only, for tests of a knowledge base without a database. */
public final class InMemoryLawArticles implements LawArticleStore {

    private final ConcurrentSkipListMap<String, LawArticle> articles = new ConcurrentSkipListMap<>();
    private final Clock clock;
    private volatile FaqEntries.Revision revision = new FaqEntries.Revision(0, java.time.Instant.EPOCH);

    public InMemoryLawArticles(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<LawArticle> all() {
        return List.copyOf(articles.values());
    }

    @Override
    public synchronized void saveAll(Collection<LawArticle> saved) {
        saved.forEach(article -> articles.put(article.id(), article));
        revision = new FaqEntries.Revision(articles.size(), clock.instant());
    }

    @Override
    public Optional<LawArticle> find(String id) {
        return Optional.ofNullable(id == null ? null : articles.get(id));
    }

    @Override
    public int count() {
        return articles.size();
    }

    @Override
    public FaqEntries.Revision revision() {
        return revision;
    }
}
