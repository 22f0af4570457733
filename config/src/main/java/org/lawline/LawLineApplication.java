package org.lawline;

import java.time.Clock;
import org.lawline.cli.LawLineCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The LawLine application: the service ({@code serve}, the default) and the one-shot commands
 * ({@code ask}, {@code import}) share this one wiring.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LawLineApplication {

    public static void main(String[] args) {
        LawLineCommand.run(args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Static: a post-processor is made before the beans it processes. */
    @Bean
    static DatabaseTimeouts databaseTimeouts(org.springframework.core.env.Environment environment) {
        return new DatabaseTimeouts(org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bindOrCreate("lawline.database", DatabaseSettings.class));
    }
}
