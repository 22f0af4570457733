package org.lawline.channels.weibo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WeiboSettingsTest {

    private static WeiboSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("lawline.weibo", WeiboSettings.class);
    }

    @Test
    void theDefaultsAreWeibosRules() {
        WeiboSettings settings = bind(Map.of());

        assertThat(settings.timestampTolerance()).hasSeconds(300);
        assertThat(settings.maxBody().toKilobytes()).isEqualTo(64);
        assertThat(settings.replyWindow()).hasHours(48);
        assertThat(settings.replyBudget().toMillis()).isLessThan(5000);
        assertThat(settings.accountsOn()).isEmpty();
    }

    @Test
    void anAccountWhoseAppSecretIsUnsetIsOff() {
        WeiboSettings settings = bind(Map.of("lawline.weibo.accounts.default.app-secret", "",
                "lawline.weibo.accounts.default.access-token", "", "lawline.weibo.accounts.default.uid", ""));

        assertThat(settings.accountsOn()).isEmpty();
    }

    @Test
    void anAccountThatIsOnNeedsItsTokenAndANumericUid() {
        assertThatThrownBy(() -> bind(Map.of("lawline.weibo.accounts.default.app-secret", "s",
                "lawline.weibo.accounts.default.uid", "5890124467")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("LAWLINE_WEIBO_ACCESS_TOKEN");
        assertThatThrownBy(() -> bind(Map.of("lawline.weibo.accounts.default.app-secret", "s",
                "lawline.weibo.accounts.default.access-token", "t", "lawline.weibo.accounts.default.uid", "city")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("LAWLINE_WEIBO_UID");
    }

    @Test
    void aReplyBudgetWeiboWouldNotWaitForIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("lawline.weibo.reply-budget", "5s")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("reply-budget");
    }

    @Test
    void secretsAreNeverPrinted() {
        WeiboSettings settings = bind(Map.of("lawline.weibo.accounts.default.app-secret", "very-secret-value",
                "lawline.weibo.accounts.default.access-token", "2.00secret-token", "lawline.weibo.accounts.default.uid", "5890124467"));

        assertThat(settings.toString()).doesNotContain("very-secret-value").doesNotContain("2.00secret-token");
        assertThat(settings.accountsOn()).containsOnlyKeys("default");
    }
}
