package org.lawline.channels.wechat;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.lawline.conversation.Conversations;
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
    final Outbox outbox;
    final WeChatWebhook webhook;
    final JdbcClient jdbc;
    final Followers followers;
    final MenuPublisher menus;
    final TemplateNotices notices;

    WeChatInstance(SharedInfrastructure shared, Conversations conversations, Map<String, String> properties) {
        Clock clock = Clock.systemUTC();
        settings = new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("lawline.wechat", WeChatSettings.class);
        jdbc = JdbcClient.create(shared.dataSource);
        workers = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100));
        AccessTokens tokens = new AccessTokens.InRedis(shared.redis, settings.keyPrefix(), clock);
        CustomerServiceBudget budget = new CustomerServiceBudget.InRedis(shared.redis, settings.keyPrefix(), settings.customerService());
        accounts = new WeChatAccounts(settings, tokens, clock);
        outbox = new Outbox(jdbc, accounts, budget, clock);
        followers = new Followers(jdbc);
        menus = new MenuPublisher(accounts);
        notices = new TemplateNotices(accounts, outbox, followers);
        Responder responder = new Responder(conversations, new NearestOffices(BundledKnowledge.serviceOffices(), 3), followers);
        MessageClaims claims = new MessageClaims(jdbc, Optional.of(shared.redis), settings.keyPrefix(), settings.claimTtl());
        Exchange exchange = new Exchange(claims, responder, outbox, budget, workers, settings.replyBudget(), clock);
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
