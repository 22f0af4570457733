package org.lawline.handoff.inbox;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.lawline.conversation.SharedRedis;
import org.lawline.handoff.callback.CallbackChanged;
import org.lawline.handoff.escalation.EscalationChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The inbox's live stream ({@code GET /api/inbox/events}, server-sent events). Each change is
 * only a nudge naming what changed ({@code escalation} or {@code callback} and the id); the page
 * then reads what its user may see through the JSON API, so the stream carries no personal data.
 * With Redis, changes go through a pub/sub channel, so a lawyer's browser hears of a citizen whose
 * webhook reached another instance.
 *
 * <p>Streams end as soon as the application begins to close, before the web server's graceful
 * shutdown: that shutdown waits for every request still open, and a stream is one until its
 * 30-minute timeout, so one lawyer's open inbox held every restart for the whole shutdown phase
 * (30 s). The browser's EventSource reconnects by itself, to this instance once it is back or to
 * another behind the same address.
 */
class InboxEvents implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InboxEvents.class);
    /** Long enough that a browser rarely reconnects; EventSource reconnects by itself anyway. */
    private static final long STREAM_TIMEOUT_MS = 30 * 60 * 1000L;

    private final CopyOnWriteArrayList<SseEmitter> streams = new CopyOnWriteArrayList<>();
    private final Optional<SharedRedis> publisher;
    private final Optional<StatefulRedisPubSubConnection<String, String>> subscriber;
    private final String channel;
    private volatile boolean closing;

    InboxEvents(Optional<SharedRedis> redis, String channel) {
        this.channel = channel;
        this.publisher = redis;
        this.subscriber = redis.map(shared -> shared.subscriptions().get());
        subscriber.ifPresent(connection -> {
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String from, String message) {
                    broadcast(message);
                }
            });
            connection.sync().subscribe(channel);
        });
    }

    SseEmitter open() {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        if (closing) {
            // a stream opened now would hold the shutdown as the others did
            emitter.complete();
            return emitter;
        }
        streams.add(emitter);
        emitter.onCompletion(() -> streams.remove(emitter));
        emitter.onTimeout(() -> streams.remove(emitter));
        emitter.onError(e -> streams.remove(emitter));
        try {
            emitter.send(SseEmitter.event().name("ready").data("{}"));
        } catch (IOException e) {
            streams.remove(emitter);
        }
        return emitter;
    }

    @EventListener
    public void on(EscalationChanged changed) {
        publish("{\"escalation\":" + changed.escalationId() + "}");
    }

    @EventListener
    public void on(CallbackChanged changed) {
        publish("{\"callback\":" + changed.callbackId() + "}");
    }

    private void publish(String nudge) {
        if (publisher.isPresent()) {
            try {
                publisher.get().connection().sync().publish(channel, nudge);
                return;
            } catch (RuntimeException e) {
                log.warn("Inbox change not published through Redis; this instance's browsers only: {}", e.toString());
            }
        }
        broadcast(nudge);
    }

    private void broadcast(String nudge) {
        for (SseEmitter emitter : streams) {
            try {
                emitter.send(SseEmitter.event().name("change").data(nudge));
            } catch (IOException | IllegalStateException e) {
                streams.remove(emitter);
            }
        }
    }

    /** Ends the streams when closing begins: published before the web server's graceful shutdown waits. */
    @EventListener(ContextClosedEvent.class)
    public void endStreams() {
        closing = true;
        streams.forEach(SseEmitter::complete);
        streams.clear();
    }

    @Override
    public void close() {
        endStreams();
        subscriber.ifPresent(StatefulRedisPubSubConnection::close);
    }
}
