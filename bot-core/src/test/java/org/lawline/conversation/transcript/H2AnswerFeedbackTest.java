package org.lawline.conversation.transcript;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Feedback on answers on H2 2.4, LawLine's embedded default. */
class H2AnswerFeedbackTest extends AnswerFeedbackContract {

    @Override
    DataSource newDatabase() {
        return new DriverManagerDataSource("jdbc:h2:mem:feedback-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Override
    void dropDatabase() {
        // in memory: gone with the JVM
    }
}
