package org.lawline.conversation.transcript;

import javax.sql.DataSource;

/** Feedback on answers on the real PostgreSQL on this machine, in a schema of its own that is dropped afterwards. */
class PostgresAnswerFeedbackIT extends AnswerFeedbackContract {

    private final PostgresSchema schema = new PostgresSchema("feedback_");

    @Override
    DataSource newDatabase() throws Exception {
        return schema.create();
    }

    @Override
    void dropDatabase() throws Exception {
        schema.drop();
    }
}
