package org.lawline.channels.sms;

import org.lawline.channels.ChannelTestWiring;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The SMS channel alone: this package's beans on Boot's web and JDBC auto-configuration, an
 * in-memory H2 database built by the channels' migrations, and a scripted engine that says back
 * what it was asked. No Redis bean: daily counts in process, claims in the database.
 */
@SpringBootApplication
@Import(ChannelTestWiring.class)
class SmsTestApplication {
}
