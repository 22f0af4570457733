package org.lawline.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WeChatSettingsTest {

    private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    @Test
    void theEnvironmentsAccountIsServedAsDefault() {
        WeChatSettings settings = bind(Map.of(
                "lawline.wechat.accounts.default.app-id", "wx1234567890",
                "lawline.wechat.accounts.default.secret", "s3cr3t-value",
                "lawline.wechat.accounts.default.token", "tokenvalue",
                "lawline.wechat.accounts.default.aes-key", KEY,
                "lawline.wechat.accounts.default.api-base-url", "http://127.0.0.1:9999"));
        WeChatSettings.Account account = settings.enabledAccounts().get("default");
        assertThat(account.appId()).isEqualTo("wx1234567890");
        assertThat(account.apiBaseUrl()).isEqualTo("http://127.0.0.1:9999");
        assertThat(account.aesKeys()).containsExactly(KEY);
        assertThat(settings.replyBudget()).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.customerService().perWindow()).isEqualTo(5);
        assertThat(settings.customerService().afterPrompt()).isEqualTo(3);
    }

    @Test
    void anAccountWithoutAppIdIsOff() {
        WeChatSettings settings = bind(Map.of(
                "lawline.wechat.accounts.default.app-id", "",
                "lawline.wechat.accounts.default.secret", "",
                "lawline.wechat.accounts.default.token", ""));
        assertThat(settings.enabledAccounts()).isEmpty();
        assertThat(bind(Map.of()).enabledAccounts()).isEmpty();
    }

    @Test
    void aTemplateIdFromAnUnsetVariableMeansNoTemplate() {
        WeChatSettings settings = bind(Map.of(
                "lawline.wechat.accounts.default.app-id", "wx1234567890",
                "lawline.wechat.accounts.default.secret", "s3cr3t-value",
                "lawline.wechat.accounts.default.token", "tokenvalue",
                "lawline.wechat.accounts.default.templates.callback-confirmed", "TPL-1",
                "lawline.wechat.accounts.default.templates.case-progress", ""));
        assertThat(settings.enabledAccounts().get("default").templates()).containsExactly(Map.entry("callback-confirmed", "TPL-1"));
    }

    @Test
    void secretsNeverShowInToString() {
        WeChatSettings settings = bind(Map.of(
                "lawline.wechat.accounts.county-a.app-id", "wx1234567890",
                "lawline.wechat.accounts.county-a.secret", "s3cr3t-value",
                "lawline.wechat.accounts.county-a.token", "tokenvalue",
                "lawline.wechat.accounts.county-a.aes-key", KEY));
        assertThat(settings.toString()).contains("wx1234567890")
                .doesNotContain("s3cr3t-value").doesNotContain("tokenvalue").doesNotContain(KEY);
    }

    @Test
    void aBadKeyFailsNamingTheVariableNotTheValue() {
        assertThatThrownBy(() -> bind(Map.of(
                "lawline.wechat.accounts.default.app-id", "wx1234567890",
                "lawline.wechat.accounts.default.secret", "s3cr3t-value",
                "lawline.wechat.accounts.default.token", "tokenvalue",
                "lawline.wechat.accounts.default.aes-key", "short-key-value")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("LAWLINE_WECHAT_AES_KEY").hasMessageNotContaining("short-key-value");
    }

    @Test
    void aReplyBudgetBeyondWeChatsDeadlineIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("lawline.wechat.reply-budget", "5s")))
                .rootCause().hasMessageContaining("reply-budget");
    }

    static WeChatSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("lawline.wechat", WeChatSettings.class);
    }
}
