package org.lawline.knowledge.catalog;

import org.lawline.knowledge.TestDatabase;

/** {@link JdbcLawArticles} on the embedded default, H2. */
class JdbcLawArticlesH2Test extends LawArticleStoreContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
