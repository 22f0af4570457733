package org.lawline.handoff.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A lawyer's open inbox must not hold a restart: the web server's graceful shutdown waits for
 * every open request, and an event stream stays open for half an hour.
 */
class InboxEventsTest {

    @Test
    void openStreamsEndWhenClosingBegins() {
        InboxEvents events = new InboxEvents(Optional.empty(), "test:inbox-events");
        SseEmitter stream = events.open();

        events.endStreams();

        assertThatThrownBy(() -> stream.send("change")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStreamOpenedWhileClosingEndsAtOnce() {
        InboxEvents events = new InboxEvents(Optional.empty(), "test:inbox-events");
        events.endStreams();

        SseEmitter late = events.open();

        assertThatThrownBy(() -> late.send("change")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void streamsHaveEndedBeforeTheLifecyclePhaseWhereTheWebServerWaitsForRequests() {
        AtomicReference<Boolean> endedWhenStopping = new AtomicReference<>();
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.register(Streams.class);
            context.registerBean("webServerStand-in", SmartLifecycle.class, () -> new StoppingWebServer(context, endedWhenStopping));
            context.refresh();
            context.getBean(Streams.class).opened = context.getBean(InboxEvents.class).open();
        }

        assertThat(endedWhenStopping.get()).as("stream already ended when the graceful shutdown began").isTrue();
    }

    @Configuration
    static class Streams {
        SseEmitter opened;

        @Bean
        InboxEvents inboxEvents() {
            return new InboxEvents(Optional.empty(), "test:inbox-events");
        }
    }

    /** Stands in for the web server, whose graceful shutdown runs in the lifecycle's stop phase. */
    private record StoppingWebServer(AnnotationConfigApplicationContext context, AtomicReference<Boolean> endedWhenStopping)
            implements SmartLifecycle {

        @Override
        public void start() {
        }

        @Override
        public void stop() {
            SseEmitter stream = context.getBean(Streams.class).opened;
            try {
                stream.send("change");
                endedWhenStopping.set(false);
            } catch (IllegalStateException ended) {
                endedWhenStopping.set(true);
            } catch (java.io.IOException e) {
                endedWhenStopping.set(false);
            }
        }

        @Override
        public boolean isRunning() {
            return endedWhenStopping.get() == null;
        }
    }
}
