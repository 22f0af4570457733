package org.lawline.knowledge;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge base of one LawLine instance: entries kept in {@link FaqEntries} (the source of
 * truth, shared by every instance) and searched through this instance's own {@link FaqIndex},
 * which is built from the entries not disabled. Every change made through this class reaches
 * both; a change another instance (or a command-line import) makes reaches this one's index at
 * its next {@link #refreshIndex}. The law articles are kept and searched the same way
 * ({@link #lawArticles()}). Thread safe.
 */
public final class KnowledgeBase {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);
    /** Rows saved per transaction during an import. */
    private static final int SAVE_BATCH = 500;

    private final FaqEntries entries;
    private final FaqIndex index;
    private final FaqImport importer;
    private final StoredLawArticles lawArticles;
    private final LawArticleImport articleImporter;
    private final Consumer<SearchableEntriesChanged> announce;
    /** The state of the stored entries the index was last built from. */
    private volatile FaqEntries.Revision indexed = new FaqEntries.Revision(-1, Instant.EPOCH);

    public KnowledgeBase(FaqEntries entries, FaqIndex index, FaqImport importer,
                         LawArticleStore articles, LawArticleIndex articleIndex, LawArticleImport articleImporter) {
        this(entries, index, importer, articles, articleIndex, articleImporter, changed -> { });
    }

    /** @param announce told of every rebuild of the index, on the rebuilding thread: keep it short */
    public KnowledgeBase(FaqEntries entries, FaqIndex index, FaqImport importer, LawArticleStore articles,
                         LawArticleIndex articleIndex, LawArticleImport articleImporter,
                         Consumer<SearchableEntriesChanged> announce) {
        this.announce = Objects.requireNonNull(announce, "announce");
        this.entries = entries;
        this.index = index;
        this.importer = importer;
        this.lawArticles = new StoredLawArticles(articles, articleIndex);
        this.articleImporter = articleImporter;
    }

    /**
     * The law articles: {@link LawArticles#find} reads the store, so it sees every import at
     * once; {@link LawArticles#search} uses this instance's article index, built at the first
     * search and rebuilt by {@link #refreshIndex} when the stored articles changed.
     */
    public LawArticles lawArticles() {
        return lawArticles;
    }

    /** What citizens' questions are answered from. */
    public FaqSearch search() {
        return index;
    }

    /** The stored entries. Writing to them directly leaves the index stale until {@link #rebuildIndex}. */
    public FaqEntries entries() {
        return entries;
    }

    /**
     * Brings in the bundled entries ({@link BundledKnowledge#faqEntries()}): those whose ids are
     * not stored yet are stored, and those stored as an earlier release shipped them, never
     * edited, are brought up to this release's text (see {@link FaqEntries#offerBundled}). An
     * entry an administrator edited or an import wrote is left as it is.
     *
     * @return how many entries were added or brought up to date
     */
    public int seedBundledEntries() {
        return seed(BundledKnowledge.faqEntries());
    }

    /** Offers each entry as a bundled one ({@link FaqEntries#offerBundled}). */
    public int seed(Collection<FaqEntry> candidates) {
        Map<BundledOffer, Integer> outcomes = new EnumMap<>(BundledOffer.class);
        for (FaqEntry entry : candidates) {
            outcomes.merge(entries.offerBundled(entry), 1, Integer::sum);
        }
        int added = outcomes.getOrDefault(BundledOffer.ADDED, 0);
        int updated = outcomes.getOrDefault(BundledOffer.UPDATED, 0);
        log.info("Knowledge base seeded from {} bundled entries: {} new, {} brought up to this release, {} kept as edited here",
                candidates.size(), added, updated, outcomes.getOrDefault(BundledOffer.KEPT_EDITED, 0));
        return added + updated;
    }

    /** Rebuilds this instance's index from the stored entries; searches go on meanwhile. */
    public synchronized void rebuildIndex() {
        long started = System.nanoTime();
        // read before the entries: a save in between makes the next refresh rebuild again, never miss it
        FaqEntries.Revision revision = entries.revision();
        List<FaqEntry> all = entries.searchable();
        index.replaceAll(all);
        indexed = revision;
        log.info("Knowledge index rebuilt: {} entries in {} ms", all.size(), (System.nanoTime() - started) / 1_000_000);
        announce.accept(new SearchableEntriesChanged(all));
    }

    /**
     * Rebuilds the index if the stored entries changed since it was last built (one small query
     * when they did not).
     *
     * @return whether the index was rebuilt
     */
    public boolean refreshIndex() {
        lawArticles.refresh();
        if (entries.revision().equals(indexed)) {
            return false;
        }
        rebuildIndex();
        return true;
    }

    /** Stores the entry (replacing the one with its id) and makes it searchable. */
    public void save(FaqEntry entry) {
        entries.save(entry);
        index.upsert(entry);
    }

    /**
     * Stores the entry (replacing the one with its id) with who changed it and its review date,
     * and makes it searchable on this instance at once, unless it is disabled; other instances
     * see it at their next refresh.
     */
    public void save(FaqEntry entry, EntryChange change) {
        entries.save(entry, change);
        boolean disabled = entries.record(entry.id()).map(r -> r.metadata().disabled()).orElse(false);
        if (disabled) {
            index.remove(entry.id());
        } else {
            index.upsert(entry);
        }
    }

    /**
     * Disables the entry: it stays stored, is no longer searchable on this instance from now on
     * and on others from their next refresh.
     *
     * @return whether there was an entry with this id
     */
    public boolean disable(String id, String changedBy) {
        if (!entries.setDisabled(id, true, changedBy)) {
            return false;
        }
        index.remove(id);
        return true;
    }

    /**
     * Enables a disabled entry: searchable again on this instance from now on.
     *
     * @return whether there was an entry with this id
     */
    public boolean enable(String id, String changedBy) {
        if (!entries.setDisabled(id, false, changedBy)) {
            return false;
        }
        entries.find(id).ifPresent(index::upsert);
        return true;
    }

    /** The entry with its metadata, disabled or not. */
    public Optional<EntryRecord> entry(String id) {
        return entries.record(id);
    }

    /** Entries with their metadata, disabled ones too; see {@link FaqEntries#records}. */
    public List<EntryRecord> entries(String text, String category, int limit) {
        return entries.records(text, category, limit);
    }

    /**
     * Imports FAQ entries from a stream (see {@link FaqImport}) as {@link #importFile} does a
     * file, recording who imported them. Reading stops past {@code maxBytes} (or the import's
     * own file limit, if smaller): an upload without a declared length cannot pass its cap. As
     * with a file, batches stored before the limit was reached stay stored.
     *
     * @throws ImportTooLarge when the stream holds more than that
     * @throws ImportFailed   when the stream cannot be imported at all
     */
    public ImportReport importEntries(InputStream in, FaqImport.Format format, String changedBy, long maxBytes,
                                      ImportProgress progress) {
        EntryChange change = new EntryChange(changedBy, Optional.empty());
        List<FaqEntry> batch = new ArrayList<>(SAVE_BATCH);
        FaqImport capped = importer.withLimits(importer.limits().withMaxFileBytes(maxBytes));
        try {
            ImportReport report = capped.read(in, format, entry -> {
                batch.add(entry);
                if (batch.size() == SAVE_BATCH) {
                    saveBatch(batch, change);
                }
            }, progress);
            saveBatch(batch, change);
            log.info("Imported a {} upload: {} entries stored, {} rows rejected",
                    format, report.imported(), report.rejectedCount());
            return report;
        } finally {
            rebuildQuietly();
        }
    }

    private void saveBatch(List<FaqEntry> batch, EntryChange change) {
        batch.forEach(entry -> entries.save(entry, change));
        batch.clear();
    }

    /**
     * Imports a JSONL or CSV file (see {@link FaqImport}): good rows are stored, replacing
     * entries with the same ids, bad rows are reported; then the index is rebuilt. If storing
     * fails part way, the rows stored until then stay stored and are searchable. A JSON Lines
     * file of law articles ({@link LawArticleImport#holdsArticles}) is imported as
     * {@link #importArticles} does.
     *
     * @throws ImportFailed when the file cannot be imported at all
     */
    public ImportReport importFile(Path file, ImportProgress progress) {
        if (articleImporter.holdsArticles(file)) {
            return importArticles(file, progress);
        }
        List<FaqEntry> batch = new ArrayList<>(SAVE_BATCH);
        boolean indexed = false;
        try {
            ImportReport report = importer.read(file, entry -> {
                batch.add(entry);
                if (batch.size() == SAVE_BATCH) {
                    entries.saveAll(batch);
                    batch.clear();
                }
            }, progress);
            entries.saveAll(batch);
            rebuildIndex();
            indexed = true;
            log.info("Imported {}: {} entries stored, {} rows rejected",
                    file.getFileName(), report.imported(), report.rejectedCount());
            return report;
        } finally {
            if (!indexed) {
                rebuildQuietly();
            }
        }
    }

    /**
     * Imports law articles from a JSON Lines file (see {@link LawArticleImport}): good rows are
     * stored, replacing articles with the same ids, bad rows are reported by line.
     *
     * @throws ImportFailed when the file cannot be imported at all
     */
    public ImportReport importArticles(Path file, ImportProgress progress) {
        List<LawArticle> batch = new ArrayList<>(SAVE_BATCH);
        try {
            ImportReport report = articleImporter.read(file, article -> {
                batch.add(article);
                if (batch.size() == SAVE_BATCH) {
                    lawArticles.store().saveAll(batch);
                    batch.clear();
                }
            }, progress);
            lawArticles.store().saveAll(batch);
            log.info("Imported {}: {} law articles stored, {} rows rejected",
                    file.getFileName(), report.imported(), report.rejectedCount());
            return report;
        } finally {
            lawArticles.markStale();
        }
    }

    private void rebuildQuietly() {
        try {
            rebuildIndex();
        } catch (RuntimeException e) {
            log.warn("Rebuilding the knowledge index after a failed import failed too", e);
        }
    }

    /** The stored articles, looked up directly, searched through an index built on first need. */
    private static final class StoredLawArticles implements LawArticles {

        private final LawArticleStore store;
        private final LawArticleIndex index;
        /** The state of the store the index was built from; null until it is first built. */
        private volatile FaqEntries.Revision indexed;

        StoredLawArticles(LawArticleStore store, LawArticleIndex index) {
            this.store = store;
            this.index = index;
        }

        LawArticleStore store() {
            return store;
        }

        @Override
        public Optional<LawArticle> find(String id) {
            return id == null ? Optional.empty() : store.find(id);
        }

        @Override
        public List<LawArticleMatch> search(String text, int limit) {
            ensureIndexed();
            return index.search(text, limit);
        }

        @Override
        public int size() {
            return store.count();
        }

        /** Rebuilds the index if it was built and the store changed since. */
        synchronized void refresh() {
            if (indexed != null && !store.revision().equals(indexed)) {
                rebuild();
            }
        }

        synchronized void markStale() {
            if (indexed != null) {
                rebuild();
            }
        }

        // building ~3,400 articles takes seconds: done when first searched, not at every start-up
        private void ensureIndexed() {
            if (indexed == null) {
                synchronized (this) {
                    if (indexed == null) {
                        rebuild();
                    }
                }
            }
        }

        private void rebuild() {
            long started = System.nanoTime();
            FaqEntries.Revision revision = store.revision();
            List<LawArticle> all = store.all();
            index.replaceAll(all);
            indexed = revision;
            log.info("Law-article index rebuilt: {} articles in {} ms", all.size(), (System.nanoTime() - started) / 1_000_000);
        }
    }
}
