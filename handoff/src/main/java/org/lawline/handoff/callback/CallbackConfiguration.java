package org.lawline.handoff.callback;

import java.time.Clock;
import org.lawline.handoff.HandoffSettings;
import org.lawline.handoff.escalation.Escalations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The 12348 callbacks' wiring; hotline hours are checked at start, so a typo stops the application. */
@Configuration(proxyBeanMethods = false)
public class CallbackConfiguration {

    @Bean
    HotlineHours hotlineHours(HandoffSettings settings) {
        return HotlineHours.parse(settings.hotlineHours(), settings.zone());
    }

    @Bean
    CallbackRequests callbackRequests(JdbcClient db, Escalations escalations, HotlineHours hours, HandoffSettings settings,
                                      ApplicationEventPublisher events, Clock clock) {
        return new CallbackRequests(db, escalations, hours, settings, events, clock);
    }
}
