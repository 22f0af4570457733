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

    /**
     * Brings in an entry as LawLine ships it: stores it when its id is new, and replaces a stored
     * entry that still holds an earlier shipped version exactly as shipped, so that an upgrade's
     * corrections reach an installation. An entry an administrator or an import has written is
     * never overwritten.
     */
    BundledOffer offerBundled(FaqEntry entry);

    /** The entry with this id, if there is one. */
    Optional<FaqEntry> find(String id);

    /**
     * The entries the index is built from: every entry not {@linkplain #setDisabled disabled},
     * ordered by id. A store that cannot disable entries returns {@link #all()}.
     */
    default List<FaqEntry> searchable() {
        return all();
    }

    /**
     * Stores the entry as {@link #save(FaqEntry)} does and records who changed it and its review
     * date; whether it is disabled stays as it was (a new entry is enabled). A store without
     * metadata stores the entry alone.
     */
    default void save(FaqEntry entry, EntryChange change) {
        save(entry);
    }

    /**
     * Disables the entry (it stays stored but is not searchable) or enables it again, and
     * records who did it; the {@link #revision()} changes.
     *
     * @return whether there was an entry with this id
     * @throws UnsupportedOperationException when this store cannot disable entries
     */
    default boolean setDisabled(String id, boolean disabled, String changedBy) {
        throw new UnsupportedOperationException("This store cannot disable entries");
    }

    /** The entry with this id and its metadata, if there is one, disabled or not. */
    default Optional<EntryRecord> record(String id) {
        return find(id).map(entry -> new EntryRecord(entry,
                new EntryMetadata(Optional.empty(), "", false, Instant.EPOCH)));
    }

    /**
     * Entries with their metadata, disabled ones too, ordered by id, at most {@code limit}.
     *
     * @param text     kept when the id, question or answer contains it; blank keeps all
     * @param category kept when the category is exactly this; blank keeps all
     */
    default List<EntryRecord> records(String text, String category, int limit) {
        return all().stream()
                .filter(e -> text == null || text.isBlank() || e.id().contains(text)
                        || e.question().contains(text) || e.answer().contains(text))
                .filter(e -> category == null || category.isBlank() || e.category().equals(category))
                .limit(limit)
                .map(e -> new EntryRecord(e, new EntryMetadata(Optional.empty(), "", false, Instant.EPOCH)))
                .toList();
    }

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
