package org.lawline.knowledge.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.lawline.knowledge.FaqEntries;
import org.lawline.knowledge.LawArticle;
import org.lawline.knowledge.LawArticleStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Articles in the {@code law_article} table (migration V202611291130), in SQL that runs
 * unchanged on H2 and PostgreSQL: an upsert is an update, then an insert when no row was there.
 */
public final class JdbcLawArticles implements LawArticleStore {

    private static final String COLUMNS = "id, law, article, text, book, chapter";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public JdbcLawArticles(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    @Override
    public List<LawArticle> all() {
        return jdbc.sql("select " + COLUMNS + " from law_article order by id").query((rs, row) -> article(rs)).list();
    }

    @Override
    public void saveAll(Collection<LawArticle> articles) {
        transactions.executeWithoutResult(status -> articles.forEach(this::save));
    }

    private void save(LawArticle article) {
        Map<String, Object> columns = columns(article);
        if (jdbc.sql("""
                update law_article
                   set law = :law, article = :article, text = :text, book = :book, chapter = :chapter,
                       updated_at = :updatedAt
                 where id = :id""").params(columns).update() > 0) {
            return;
        }
        try {
            jdbc.sql("insert into law_article (" + COLUMNS + ", updated_at)"
                    + " values (:id, :law, :article, :text, :book, :chapter, :updatedAt)").params(columns).update();
        } catch (DuplicateKeyException e) {
            // another writer inserted the same id between our update and insert: ours is the later write
            jdbc.sql("update law_article set text = :text, updated_at = :updatedAt where id = :id").params(columns).update();
        }
    }

    @Override
    public Optional<LawArticle> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from law_article where id = :id").param("id", id)
                .query((rs, row) -> article(rs)).optional();
    }

    @Override
    public int count() {
        return jdbc.sql("select count(*) from law_article").query(Integer.class).single();
    }

    @Override
    public FaqEntries.Revision revision() {
        return jdbc.sql("select count(*) as articles, max(updated_at) as last_saved from law_article")
                .query((rs, row) -> {
                    OffsetDateTime lastSaved = rs.getObject("last_saved", OffsetDateTime.class);
                    return new FaqEntries.Revision(rs.getInt("articles"),
                            lastSaved == null ? Instant.EPOCH : lastSaved.toInstant());
                })
                .single();
    }

    private Map<String, Object> columns(LawArticle article) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("id", article.id());
        columns.put("law", article.law());
        columns.put("article", article.article());
        columns.put("text", article.text());
        columns.put("book", article.book().isEmpty() ? null : article.book());
        columns.put("chapter", article.chapter().isEmpty() ? null : article.chapter());
        // timestamp without time zone holds UTC, whatever the server's zone
        columns.put("updatedAt", clock.instant().atOffset(ZoneOffset.UTC));
        return columns;
    }

    private static LawArticle article(ResultSet rs) throws SQLException {
        return new LawArticle(rs.getString("id"), rs.getString("law"), rs.getString("article"), rs.getString("text"),
                rs.getString("book"), rs.getString("chapter"));
    }
}
