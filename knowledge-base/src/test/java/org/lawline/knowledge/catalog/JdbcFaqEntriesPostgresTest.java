package org.lawline.knowledge.catalog;

import org.lawline.knowledge.TestDatabase;

/**
 * {@link JdbcFaqEntries} on this machine's PostgreSQL (127.0.0.1:5432, database test), each test
 * in a schema of its own. Fails when PostgreSQL is not running: start it, don't skip this.
 */
class JdbcFaqEntriesPostgresTest extends FaqEntriesContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
