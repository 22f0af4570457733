package org.lawline.knowledge;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge base of one LawLine instance: entries kept in {@link FaqEntries} (the source of
 * truth, shared by every instance) and searched through this instance's own {@link FaqIndex},
 * which is built from them. Every change made through this class reaches both; a change another
 * instance (or a command-line import) makes reaches this one's index at its next
 * {@link #refreshIndex}. Thread safe.
 */
public final class KnowledgeBase {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);
    /** Rows saved per transaction during an import. */
    private static final int SAVE_BATCH = 500;

    private final FaqEntries entries;
    private final FaqIndex index;
    private final FaqImport importer;
    /** The state of the stored entries the index was last built from. */
    private volatile FaqEntries.Revision indexed = new FaqEntries.Revision(-1, Instant.EPOCH);

    public KnowledgeBase(FaqEntries entries, FaqIndex index, FaqImport importer) {
        this.entries = entries;
        this.index = index;
        this.importer = importer;
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
     * Stores the bundled entries ({@link BundledKnowledge#faqEntries()}) whose ids are not
     * stored yet. An entry already stored, edited or not, is left as it is.
     *
     * @return how many entries were added
     */
    public int seedBundledEntries() {
        return seed(BundledKnowledge.faqEntries());
    }

    /** Stores the entries whose ids are not stored yet, leaving stored ones as they are. */
    public int seed(Collection<FaqEntry> candidates) {
        int added = 0;
        for (FaqEntry entry : candidates) {
            if (entries.addIfAbsent(entry)) {
                added++;
            }
        }
        log.info("Knowledge base seeded: {} of {} entries were new", added, candidates.size());
        return added;
    }

    /** Rebuilds this instance's index from the stored entries; searches go on meanwhile. */
    public synchronized void rebuildIndex() {
        long started = System.nanoTime();
        // read before the entries: a save in between makes the next refresh rebuild again, never miss it
        FaqEntries.Revision revision = entries.revision();
        List<FaqEntry> all = entries.all();
        index.replaceAll(all);
        indexed = revision;
        log.info("Knowledge index rebuilt: {} entries in {} ms", all.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Rebuilds the index if the stored entries changed since it was last built (one small query
     * when they did not).
     *
     * @return whether the index was rebuilt
     */
    public boolean refreshIndex() {
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
     * Imports a JSONL or CSV file (see {@link FaqImport}): good rows are stored, replacing
     * entries with the same ids, bad rows are reported; then the index is rebuilt. If storing
     * fails part way, the rows stored until then stay stored and are searchable.
     *
     * @throws ImportFailed when the file cannot be imported at all
     */
    public ImportReport importFile(Path file, ImportProgress progress) {
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

    private void rebuildQuietly() {
        try {
            rebuildIndex();
        } catch (RuntimeException e) {
            log.warn("Rebuilding the knowledge index after a failed import failed too", e);
        }
    }
}
