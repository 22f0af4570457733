package org.lawline.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The settings records bind as documented: the defaults in one place, overrides by property name. */
class SettingsBindingTest {

    @Test
    void anEmptyEnvironmentGivesTheDocumentedDefaults() {
        Binder empty = new Binder(new MapConfigurationPropertySource(Map.of()));

        assertThat(empty.bindOrCreate("lawline.dialog", DialogSettings.class)).isEqualTo(DialogSettings.defaults());
        assertThat(empty.bindOrCreate("lawline.conversation.store", ConversationStoreSettings.class))
                .isEqualTo(ConversationStoreSettings.defaults());
        assertThat(empty.bindOrCreate("lawline.legal-aid", LegalAidSettings.class)).isEqualTo(LegalAidSettings.defaults());
        assertThat(DialogSettings.defaults().idleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(DialogSettings.defaults().expectedWait()).isEqualTo(Duration.ofMinutes(3));
        assertThat(ConversationStoreSettings.defaults().turnWait()).isEqualTo(Duration.ofSeconds(2));
        assertThat(ConversationStoreSettings.defaults().turnLease()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theIdleTimeoutTheTurnsAndTheLegalAidStandardComeFromProperties() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "lawline.dialog.idle-timeout", "45m",
                "lawline.dialog.expected-wait", "5m",
                "lawline.conversation.store.turn-wait", "1s",
                "lawline.conversation.store.turn-lease", "5s",
                "lawline.legal-aid.region", "杭州市",
                "lawline.legal-aid.income-standard", "3200")));

        assertThat(binder.bindOrCreate("lawline.dialog", DialogSettings.class).idleTimeout()).isEqualTo(Duration.ofMinutes(45));
        assertThat(binder.bindOrCreate("lawline.dialog", DialogSettings.class).expectedWait()).isEqualTo(Duration.ofMinutes(5));
        ConversationStoreSettings store = binder.bindOrCreate("lawline.conversation.store", ConversationStoreSettings.class);
        assertThat(store.turnWait()).isEqualTo(Duration.ofSeconds(1));
        assertThat(store.turnLease()).isEqualTo(Duration.ofSeconds(5));
        LegalAidSettings legalAid = binder.bindOrCreate("lawline.legal-aid", LegalAidSettings.class);
        assertThat(legalAid.region()).isEqualTo("杭州市");
        assertThat(legalAid.incomeStandard()).isEqualTo(3200);
    }

    @Test
    void aCommandTimeoutAboveHalfASecondAndAnImpossibleStandardAreRefused() {
        Binder slow = new Binder(new MapConfigurationPropertySource(Map.of("lawline.conversation.store.command-timeout", "2s")));
        Binder poor = new Binder(new MapConfigurationPropertySource(Map.of("lawline.legal-aid.income-standard", "0")));

        assertThatThrownBy(() -> slow.bindOrCreate("lawline.conversation.store", ConversationStoreSettings.class))
                .rootCause().hasMessageContaining("command-timeout");
        assertThatThrownBy(() -> poor.bindOrCreate("lawline.legal-aid", LegalAidSettings.class))
                .rootCause().hasMessageContaining("income-standard");
    }

    @Test
    void propertiesOverrideTheDefaults() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "lawline.dialog.answer-confidence", "0.7",
                "lawline.dialog.max-choices", "2",
                "lawline.dialog.choices-expire-after", "10m",
                "lawline.conversation.store.ttl", "2h",
                "lawline.conversation.store.command-timeout", "200ms")));

        DialogSettings dialog = binder.bindOrCreate("lawline.dialog", DialogSettings.class);
        ConversationStoreSettings store = binder.bindOrCreate("lawline.conversation.store", ConversationStoreSettings.class);

        assertThat(dialog.answerConfidence()).isEqualTo(0.7);
        assertThat(dialog.maxChoices()).isEqualTo(2);
        assertThat(dialog.choicesExpireAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(dialog.choiceConfidence()).isEqualTo(DialogSettings.defaults().choiceConfidence());
        assertThat(store.ttl()).isEqualTo(Duration.ofHours(2));
        assertThat(store.commandTimeout()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void inconsistentThresholdsFailAtStartupNamingTheProperty() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "lawline.dialog.answer-confidence", "0.2",
                "lawline.dialog.choice-confidence", "0.5")));

        assertThatThrownBy(() -> binder.bindOrCreate("lawline.dialog", DialogSettings.class))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("choice-confidence <= answer-confidence");
    }

    @Test
    void moreChoicesThanOneDigitCanPickAreRefused() {
        assertThatThrownBy(() -> new DialogSettings(0.6, 0.3, 0.85, 0.2, 10, 500, Duration.ofMinutes(30)))
                .hasMessageContaining("lawline.dialog.max-choices");
    }
}
