package org.lawline.channels.wechat;

import org.lawline.channels.ChannelTestWiring;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The WeChat channel alone: this package's beans, Boot's web and JDBC auto-configuration, an
 * in-memory H2 database with our migrations applied as written, and a scripted engine in place of
 * bot-core's. No Redis bean: the single-machine default (claims in the database, tokens and
 * allowances in process).
 */
@SpringBootApplication
@Import(ChannelTestWiring.class)
class WeChatTestApplication {
}
