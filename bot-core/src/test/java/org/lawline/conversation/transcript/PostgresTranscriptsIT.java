package org.lawline.conversation.transcript;

import javax.sql.DataSource;

/** The transcript contract on the real PostgreSQL on this machine, in a schema of its own that is dropped afterwards. */
class PostgresTranscriptsIT extends TranscriptsContract {

    private final PostgresSchema schema = new PostgresSchema("turns_");

    @Override
    DataSource newDatabase() throws Exception {
        return schema.create();
    }

    @Override
    void dropDatabase() throws Exception {
        schema.drop();
    }
}
