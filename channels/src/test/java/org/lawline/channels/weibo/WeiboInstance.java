package org.lawline.channels.weibo;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lawline.channels.SharedInfrastructure;
import org.lawline.channels.delivery.ClaimedReplies;
import org.lawline.channels.delivery.DeliverySettings;
import org.lawline.channels.delivery.InboundClaims;
import org.lawline.channels.delivery.Outbox;
import org.lawline.channels.delivery.Reconciler;
import org.lawline.channels.delivery.ReplyWindows;
import org.lawline.channels.delivery.Subscribers;
import org.lawline.conversation.OfficeDirectory;
import org.lawline.conversation.Conversations;
import org.lawline.knowledge.BundledKnowledge;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * One LawLine instance's Weibo channel as {@link WeiboConfiguration} wires it with Redis, on the
 * machine's real Redis and database: two of these are two instances behind Weibo's pushes.
 */
final class WeiboInstance implements AutoCloseable {

    final InboundClaims claims;
    final Reconciler reconciler;
    private final WeiboWorkers workers;
    private final WeiboWebhook webhook;

    WeiboInstance(SharedInfrastructure shared, Conversations engine, Map<String, String> properties, Clock clock) {
        Binder binder = new Binder(new MapConfigurationPropertySource(properties));
        WeiboSettings settings = binder.bindOrCreate("lawline.weibo", WeiboSettings.class);
        JdbcClient jdbc = JdbcClient.create(shared.dataSource);
        workers = new WeiboWorkers(4);
        WeiboAccounts accounts = new WeiboAccounts(settings);
        Subscribers subscribers = new Subscribers(jdbc);
        FollowerWindows windows = new FollowerWindows(
                new ReplyWindows.InRedis(shared.redis, settings.keyPrefix(), FollowerWindows.limits(settings.replyWindow())));
        Outbox outbox = new Outbox(jdbc, List.of(new WeiboPlatform(accounts, windows, subscribers, settings, workers.pool())), clock);
        claims = new InboundClaims(jdbc, Optional.of(shared.redis), binder.bindOrCreate("lawline.delivery", DeliverySettings.class));
        ClaimedReplies replies = new ClaimedReplies(claims, outbox, clock);
        PushResponder responder = new PushResponder(engine, new OfficeDirectory(BundledKnowledge.serviceOffices(), 3), subscribers);
        webhook = new WeiboWebhook(accounts, new PushTurns(claims, replies, responder, windows, workers.pool(),
                settings.replyBudget(), clock), clock, settings);
        reconciler = new Reconciler(claims, outbox,
                List.of(new StrandedPushes(claims, replies, responder, windows, settings.replyWindow(), clock)), clock, Duration.ofSeconds(30));
    }

    /** A push handed to the controller as Tomcat hands it over. */
    ResponseEntity<String> push(String query, String json) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/weibo/default");
        request.setContentType("application/json");
        request.setQueryString(query);
        request.setContent(json.getBytes(StandardCharsets.UTF_8));
        return webhook.push("default", (HttpServletRequest) request);
    }

    @Override
    public void close() {
        reconciler.close();
        workers.pool().shutdownNow();
    }
}
