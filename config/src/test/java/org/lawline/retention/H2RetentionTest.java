package org.lawline.retention;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Retention on the embedded default database, an in-memory H2 of this test's own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.datasource.url=jdbc:h2:mem:retention-test;DB_CLOSE_DELAY=-1",
                "lawline.conversation.transcript.journal-dir=target/transcript-journal-retention"})
@ActiveProfiles("test")
class H2RetentionTest extends RetentionContract {
}
