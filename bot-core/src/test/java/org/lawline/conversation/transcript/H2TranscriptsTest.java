package org.lawline.conversation.transcript;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The transcript contract on H2 2.4, LawLine's embedded default. */
class H2TranscriptsTest extends TranscriptsContract {

    @Override
    DataSource newDatabase() {
        return new DriverManagerDataSource("jdbc:h2:mem:turns-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Override
    void dropDatabase() {
        // in memory: gone with the JVM
    }
}
