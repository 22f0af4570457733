package org.lawline.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedTokenConfigTest {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    private final AccessTokens tokens = new AccessTokens.InProcess();
    private final SharedTokenConfig config = new SharedTokenConfig(
            new WeChatSettings.Account("wxapp", "secret", "token", "", "", "http://127.0.0.1:1", Map.of(), ""),
            tokens, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));

    @Test
    void aTokenIsRefreshedBeforeItLapses() {
        config.updateAccessToken("T1", 7200);
        assertThat(config.isAccessTokenExpired()).isFalse();
        assertThat(config.getAccessToken()).isEqualTo("T1");

        tokens.store("wxapp", new AccessTokens.Token("T1", NOW.plus(Duration.ofMinutes(4))));
        assertThat(config.isAccessTokenExpired()).isTrue();
    }

    @Test
    void expiringForgetsOnlyTheTokenThatFailed() {
        config.updateAccessToken("T1", 7200);
        config.expireAccessToken();
        assertThat(config.getAccessToken()).isNull();
        assertThat(config.isAccessTokenExpired()).isTrue();

        config.updateAccessToken("T2", 7200);
        tokens.forget("wxapp", "T1");
        assertThat(config.getAccessToken()).isEqualTo("T2");
    }

    @Test
    void printsNoSecret() {
        assertThat(config.toString()).doesNotContain("secret").doesNotContain("T1");
    }
}
