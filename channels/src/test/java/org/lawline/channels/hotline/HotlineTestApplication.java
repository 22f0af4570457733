package org.lawline.channels.hotline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.lawline.channels.ChannelTestWiring;
import org.lawline.conversation.EscalationRequested;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * The voicemail intake alone, on H2 with the channels' migrations, without a knowledge base; the
 * escalations it asks for are collected where handoff's queue would take them.
 */
@SpringBootApplication
@Import(ChannelTestWiring.class)
class HotlineTestApplication {

    @Bean
    Escalations escalations() {
        return new Escalations();
    }

    /** Every EscalationRequested published, whatever thread published it. */
    static final class Escalations {

        final List<EscalationRequested> requested = new CopyOnWriteArrayList<>();

        @EventListener
        void on(EscalationRequested event) {
            requested.add(event);
        }

        List<EscalationRequested> of(String phone) {
            return requested.stream().filter(event -> event.citizen().citizenId().equals(phone)).toList();
        }
    }
}
