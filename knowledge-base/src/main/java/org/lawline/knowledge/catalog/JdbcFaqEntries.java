package org.lawline.knowledge.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.lawline.knowledge.BundledOffer;
import org.lawline.knowledge.EntryChange;
import org.lawline.knowledge.EntryMetadata;
import org.lawline.knowledge.EntryRecord;
import org.lawline.knowledge.FaqEntries;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.LawReference;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Entries in the {@code faq_entry} table (migration V202611290900). The SQL is plain enough to
 * run unchanged on H2 and PostgreSQL: an upsert is an update, then an insert when no row was
 * there, rather than a vendor's MERGE or ON CONFLICT.
 */
public final class JdbcFaqEntries implements FaqEntries {

    private static final String COLUMNS = "id, question, phrasings, answer, category, law_refs";
    private static final String METADATA = "review_date, changed_by, disabled, updated_at";
    /** {@code bundled_version} of a row someone other than the bundle wrote. */
    private static final String EDITED = "";
    /** Who an entry brought up to a new bundled version was last changed by. */
    static final String BUNDLED = "bundled";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public JdbcFaqEntries(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    @Override
    public List<FaqEntry> all() {
        return jdbc.sql("select " + COLUMNS + " from faq_entry order by id")
                .query((rs, row) -> entry(rs))
                .list();
    }

    @Override
    public List<FaqEntry> searchable() {
        return jdbc.sql("select " + COLUMNS + " from faq_entry where disabled = false order by id")
                .query((rs, row) -> entry(rs))
                .list();
    }

    @Override
    public void save(FaqEntry entry, EntryChange change) {
        transactions.executeWithoutResult(status -> {
            save(entry);
            jdbc.sql("update faq_entry set changed_by = :changedBy, review_date = :reviewDate where id = :id")
                    .param("changedBy", change.changedBy())
                    .param("reviewDate", change.reviewDate().orElse(null))
                    .param("id", entry.id())
                    .update();
        });
    }

    @Override
    public boolean setDisabled(String id, boolean disabled, String changedBy) {
        return jdbc.sql("""
                        update faq_entry
                           set disabled = :disabled, changed_by = :changedBy, updated_at = :updatedAt
                         where id = :id""")
                .param("disabled", disabled)
                .param("changedBy", changedBy)
                .param("updatedAt", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update() > 0;
    }

    @Override
    public Optional<EntryRecord> record(String id) {
        return jdbc.sql("select " + COLUMNS + ", " + METADATA + " from faq_entry where id = :id")
                .param("id", id)
                .query((rs, row) -> new EntryRecord(entry(rs), metadata(rs)))
                .optional();
    }

    @Override
    public List<EntryRecord> records(String text, String category, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + ", " + METADATA + " from faq_entry where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (text != null && !text.isBlank()) {
            // matched as a literal: % and _ typed by an administrator are characters, not wildcards
            sql.append(" and (id like :text escape '!' or question like :text escape '!' or answer like :text escape '!')");
            params.put("text", "%" + text.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (category != null && !category.isBlank()) {
            sql.append(" and category = :category");
            params.put("category", category.strip());
        }
        sql.append(" order by id");
        // a closed stream gives its connection back; reading stops at the limit
        try (Stream<EntryRecord> records = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, row) -> new EntryRecord(entry(rs), metadata(rs)))
                .stream()) {
            return records.limit(limit).toList();
        }
    }

    @Override
    public void save(FaqEntry entry) {
        if (update(entry) > 0) {
            return;
        }
        try {
            insert(entry);
        } catch (DuplicateKeyException e) {
            // another writer inserted the same id between our update and insert: ours is the later write
            update(entry);
        }
    }

    /** In one transaction, so a thousand-row import costs one commit, not a thousand. */
    @Override
    public void saveAll(Collection<FaqEntry> entries) {
        transactions.executeWithoutResult(status -> entries.forEach(this::save));
    }

    @Override
    public boolean addIfAbsent(FaqEntry entry) {
        if (find(entry.id()).isPresent()) {
            return false;
        }
        try {
            insert(entry);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * The row's {@code bundled_version} says which shipped version it holds: that version's hash
     * when the bundle wrote it, '' once anyone else saved it, null when written before versions
     * were kept. A null row is taken for an unedited seed when nobody is named as its last
     * changer (seeding names nobody; an administrator's edit and an import always do). Each
     * update re-checks the row's version in its where clause, so an edit saved meanwhile wins.
     */
    @Override
    public BundledOffer offerBundled(FaqEntry entry) {
        String version = BundledVersion.of(entry);
        Optional<StoredVersion> stored = jdbc.sql("select " + COLUMNS + ", bundled_version, changed_by from faq_entry where id = :id")
                .param("id", entry.id())
                .query((rs, row) -> new StoredVersion(entry(rs), rs.getString("bundled_version"), rs.getString("changed_by")))
                .optional();
        if (stored.isEmpty()) {
            try {
                insert(entry, version);
                return BundledOffer.ADDED;
            } catch (DuplicateKeyException e) {
                // another instance seeded it at the same moment, from the same bundle
                return BundledOffer.CURRENT;
            }
        }
        StoredVersion row = stored.get();
        if (version.equals(row.version())) {
            return BundledOffer.CURRENT;
        }
        if (!row.unedited()) {
            return BundledOffer.KEPT_EDITED;
        }
        if (row.entry().equals(entry)) {
            // a seed from before versions were kept, already this text: only note the version
            jdbc.sql("update faq_entry set bundled_version = :version where id = :id and bundled_version is null")
                    .param("version", version)
                    .param("id", entry.id())
                    .update();
            return BundledOffer.CURRENT;
        }
        Map<String, Object> columns = columns(entry, version);
        columns.put("changedBy", BUNDLED);
        String stillUnedited = "bundled_version is null and (changed_by is null or changed_by = '')";
        if (row.version() != null) {
            stillUnedited = "bundled_version = :was";
            columns.put("was", row.version());
        }
        int updated = jdbc.sql("""
                        update faq_entry
                           set question = :question, phrasings = :phrasings, answer = :answer,
                               category = :category, law_refs = :lawRefs, updated_at = :updatedAt,
                               bundled_version = :bundledVersion, changed_by = :changedBy
                         where id = :id and\s""" + stillUnedited)
                .params(columns)
                .update();
        return updated > 0 ? BundledOffer.UPDATED : BundledOffer.KEPT_EDITED;
    }

    @Override
    public Optional<FaqEntry> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from faq_entry where id = :id")
                .param("id", id)
                .query((rs, row) -> entry(rs))
                .optional();
    }

    @Override
    public int count() {
        return jdbc.sql("select count(*) from faq_entry").query(Integer.class).single();
    }

    @Override
    public Revision revision() {
        return jdbc.sql("select count(*) as entries, max(updated_at) as last_saved from faq_entry")
                .query((rs, row) -> {
                    OffsetDateTime lastSaved = rs.getObject("last_saved", OffsetDateTime.class);
                    return new Revision(rs.getInt("entries"),
                            lastSaved == null ? Instant.EPOCH : lastSaved.toInstant());
                })
                .single();
    }

    private int update(FaqEntry entry) {
        return jdbc.sql("""
                        update faq_entry
                           set question = :question, phrasings = :phrasings, answer = :answer,
                               category = :category, law_refs = :lawRefs, updated_at = :updatedAt,
                               bundled_version = :bundledVersion
                         where id = :id""")
                .params(columns(entry, EDITED))
                .update();
    }

    private void insert(FaqEntry entry) {
        insert(entry, EDITED);
    }

    private void insert(FaqEntry entry, String bundledVersion) {
        jdbc.sql("insert into faq_entry (" + COLUMNS + ", updated_at, bundled_version)"
                        + " values (:id, :question, :phrasings, :answer, :category, :lawRefs, :updatedAt, :bundledVersion)")
                .params(columns(entry, bundledVersion))
                .update();
    }

    private Map<String, Object> columns(FaqEntry entry, String bundledVersion) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("id", entry.id());
        columns.put("question", entry.question());
        columns.put("phrasings", JsonLists.write(entry.phrasings()));
        columns.put("answer", entry.answer());
        columns.put("category", entry.category().isEmpty() ? null : entry.category());
        columns.put("lawRefs", JsonLists.write(entry.lawRefs().stream().map(LawReference::toString).toList()));
        // timestamp without time zone holds UTC, whatever the server's zone
        columns.put("updatedAt", clock.instant().atOffset(ZoneOffset.UTC));
        columns.put("bundledVersion", bundledVersion);
        return columns;
    }

    private static EntryMetadata metadata(ResultSet rs) throws SQLException {
        LocalDate reviewDate = rs.getObject("review_date", LocalDate.class);
        OffsetDateTime updatedAt = rs.getObject("updated_at", OffsetDateTime.class);
        return new EntryMetadata(Optional.ofNullable(reviewDate), rs.getString("changed_by"), rs.getBoolean("disabled"),
                updatedAt.toInstant());
    }

    private static FaqEntry entry(ResultSet rs) throws SQLException {
        return new FaqEntry(
                rs.getString("id"),
                rs.getString("question"),
                JsonLists.read(rs.getString("phrasings")),
                rs.getString("answer"),
                rs.getString("category"),
                JsonLists.read(rs.getString("law_refs")).stream().map(JdbcFaqEntries::lawReference).toList());
    }

    /**
     * Reads a reference as {@link LawReference#toString} wrote it. One made in code may have an
     * article {@link LawReference#parse} does not read (第7条): it is split at its last 第.
     */
    private static LawReference lawReference(String written) {
        try {
            return LawReference.parse(written);
        } catch (IllegalArgumentException e) {
            int article = written.lastIndexOf('第');
            if (article <= 0) {
                throw new IllegalStateException("A stored law reference has no article: " + written, e);
            }
            return new LawReference(written.substring(0, article), written.substring(article));
        }
    }

    /** A stored entry, the bundled version it holds, and who changed it last. */
    private record StoredVersion(FaqEntry entry, String version, String changedBy) {

        /** Whether the bundle wrote it last, or it is a seed from before versions were kept that nobody named has changed. */
        boolean unedited() {
            return version == null ? changedBy == null || changedBy.isEmpty() : !version.isEmpty();
        }
    }
}
