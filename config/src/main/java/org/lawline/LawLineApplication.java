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
}
