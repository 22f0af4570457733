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
