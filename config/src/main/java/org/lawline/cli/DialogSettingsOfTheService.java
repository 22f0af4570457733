package org.lawline.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.lawline.conversation.DialogSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The dialog's settings as the service binds them — application.yml, then environment variables
 * and system properties over it — for {@code ./lawline eval}, which runs without an application
 * context: the evaluation measures the thresholds a citizen meets, not a copy of them.
 */
final class DialogSettingsOfTheService {

    private DialogSettingsOfTheService() {
    }

    static DialogSettings read() {
        StandardEnvironment environment = new StandardEnvironment();
        ClassPathResource yaml = new ClassPathResource("application.yml");
        if (yaml.exists()) {
            try {
                new YamlPropertySourceLoader().load("application.yml", yaml)
                        .forEach(environment.getPropertySources()::addLast);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read application.yml", e);
            }
        }
        return Binder.get(environment).bindOrCreate("lawline.dialog", DialogSettings.class);
    }
}
