package org.lawline.channels.hotline;

import java.time.Clock;
import java.util.Optional;
import org.lawline.knowledge.FaqSearch;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The hotline voicemail intake's wiring; off (404) while {@code LAWLINE_HOTLINE_SECRET} is unset. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HotlineSettings.class)
class HotlineConfiguration {

    /** The voicemails kept, and what the inbox reads of them ({@link org.lawline.channels.HotlineVoicemails}). */
    @Bean
    Voicemails voicemails(JdbcClient jdbc) {
        return new Voicemails(jdbc);
    }

    @Bean
    VoicemailIntake voicemailIntake(HotlineSettings settings, Voicemails voicemails, ObjectProvider<FaqSearch> knowledge,
                                    ApplicationEventPublisher events, ObjectProvider<JsonMapper> json, ObjectProvider<Clock> clock) {
        return new VoicemailIntake(settings, voicemails, Optional.ofNullable(knowledge.getIfAvailable()), events,
                json.getIfAvailable(() -> JsonMapper.builder().build()), clock.getIfAvailable(Clock::systemUTC));
    }
}
