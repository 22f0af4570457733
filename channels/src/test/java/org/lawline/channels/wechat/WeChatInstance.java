package org.lawline.channels.wechat;

import org.lawline.conversation.OfficeDirectory;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.lawline.channels.NoticeSender;
import org.lawline.channels.SharedInfrastructure;
import org.lawline.channels.delivery.ClaimedReplies;
import org.lawline.channels.delivery.DeliverySettings;
import org.lawline.channels.delivery.InboundClaims;
import org.lawline.channels.delivery.NoticeRouter;
import org.lawline.channels.delivery.Outbox;
import org.lawline.channels.delivery.ReplyWindows;
import org.lawline.channels.delivery.Subscribers;
import org.lawline.conversation.Conversations;
import org.lawline.conversation.transcript.JdbcAnswerFeedback;
import org.lawline.knowledge.BundledKnowledge;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * One LawLine instance's WeChat channel, wired as {@link WeChatConfiguration} wires it with Redis,
 * on shared infrastructure: several of these in one test are several application instances.
 */
final class WeChatInstance implements AutoCloseable {

    final WeChatSettings settings;
    final ThreadPoolExecutor workers;
    final WeChatAccounts accounts;
    final ReplyWindows windows;
    final InboundClaims claims;
    final Outbox outbox;
    final WeChatWebhook webhook;
    final JdbcClient jdbc;
    final Subscribers subscribers;
    final JobReports reports;
    final MenuPublisher menus;
    final NoticeSender notices;

    WeChatInstance(SharedInfrastructure shared, Conversations conversations, Map<String, String> properties) {
        this(shared, conversations, properties, new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100)));
    }

    /** @param workers the channel's worker pool, as bounded as a test needs */
    WeChatInstance(SharedInfrastructure shared, Conversations conversations, Map<String, String> properties, ThreadPoolExecutor workers) {
        Clock clock = Clock.systemUTC();
        settings = new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("lawline.wechat", WeChatSettings.class);
        DeliverySettings delivery = new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("lawline.delivery", DeliverySettings.class);
        jdbc = JdbcClient.create(shared.dataSource);
        this.workers = workers;
        AccessTokens tokens = new AccessTokens.InRedis(shared.redis, settings.keyPrefix(), clock);
        windows = new ReplyWindows.InRedis(shared.redis, settings.keyPrefix(), settings.customerService().asWindowLimits());
        accounts = new WeChatAccounts(settings, tokens, clock);
        outbox = new Outbox(jdbc, List.of(new WeChatPlatform(accounts, windows, workers)), clock);
        subscribers = new Subscribers(jdbc);
        reports = new JobReports(jdbc, outbox);
        menus = new MenuPublisher(accounts);
        notices = new NoticeRouter(outbox, subscribers, List.of(new WeChatTemplates(accounts, outbox)));
        Responder responder = new Responder(conversations, new OfficeDirectory(BundledKnowledge.serviceOffices(), 3), subscribers, reports,
                new JdbcAnswerFeedback(shared.dataSource, Duration.ofMillis(500)));
        claims = new InboundClaims(jdbc, Optional.of(shared.redis), delivery);
        Exchange exchange = new Exchange(claims, new ClaimedReplies(claims, outbox, clock), responder, windows, workers,
                settings.replyBudget(), clock);
        webhook = new WeChatWebhook(accounts, exchange, clock, settings);
    }

    /** Posts a webhook call as Tomcat would hand it to the controller. */
    ResponseEntity<String> post(String account, String query, String body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/wechat/" + account);
        request.setQueryString(query);
        request.setContentType("text/xml");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return webhook.receive(account, (HttpServletRequest) request);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

}
