package org.lawline.conversation;

import java.util.Objects;
import java.util.Optional;
import org.lawline.conversation.transcript.JournaledEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Where the engine's events go: with a database, through the event journal, so that a listener
 * that fails (its database down) gets the event again until it succeeds; without one, straight to
 * the listeners, since nothing they could write would outlive the process anyway.
 */
final class EventRoute implements SmartLifecycle, AutoCloseable {

    private final Optional<JournaledEvents> journal;
    private final ApplicationEventPublisher context;
    private volatile boolean running;

    EventRoute(Optional<JournaledEvents> journal, ApplicationEventPublisher context) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.context = Objects.requireNonNull(context, "context");
    }

    void publish(Object event) {
        if (journal.isPresent()) {
            journal.get().publish(event);
        } else {
            context.publishEvent(event);
        }
    }

    /** With the context's refresh: every listener is registered by then. */
    @Override
    public void start() {
        journal.ifPresent(JournaledEvents::start);
        running = true;
    }

    @Override
    public void stop() {
        journal.ifPresent(JournaledEvents::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void close() {
        journal.ifPresent(JournaledEvents::close);
    }
}
