package org.lawline.knowledge.catalog;

import org.lawline.knowledge.TestDatabase;

/**
 * {@link JdbcLawArticles} on this machine's PostgreSQL, each test in a schema of its own that
 * is dropped afterwards. Fails when PostgreSQL is not running: start it, don't skip this.
 */
class JdbcLawArticlesPostgresTest extends LawArticleStoreContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
