package org.lawline.knowledge;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The knowledge-base entries as they are kept: the source of truth the search index is built
 * from. Implementations are thread safe; a write is durable when the method returns.
 */
public interface FaqEntries {

    /** Every entry, ordered by id. */
    List<FaqEntry> all();

    /** Stores the entry, replacing the one with the same id if there is one. */
    void save(FaqEntry entry);

    /**
     * Stores every entry as {@link #save} does. Implementations may do it in one transaction
     * or in several; a failure can leave part of the entries stored.
     */
    default void saveAll(Collection<FaqEntry> entries) {
        entries.forEach(this::save);
    }

    /**
     * Stores the entry only when no entry has its id, so an entry someone has edited is never
     * overwritten.
     *
     * @return whether the entry was stored
     */
    boolean addIfAbsent(FaqEntry entry);

    /** The entry with this id, if there is one. */
    Optional<FaqEntry> find(String id);

    /** How many entries there are. */
    int count();

    /**
     * A cheap mark of the entries' state: it changes when an entry is added or saved, so an
     * instance can tell whether its index is stale without reading every entry.
     */
    Revision revision();

    /**
     * The state of the entries at one moment.
     *
     * @param count     how many entries there were
     * @param lastSaved when the most recent save happened; {@link Instant#EPOCH} when there are none
     */
    record Revision(int count, Instant lastSaved) {
    }
}
