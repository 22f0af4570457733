package org.lawline.knowledge.catalog;

import org.lawline.knowledge.TestDatabase;

/** {@link JdbcFaqEntries} on H2 in memory, the embedded default. */
class JdbcFaqEntriesH2Test extends FaqEntriesContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
