package org.lawline.channels.wechat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.lawline.channels.SharedInfrastructure;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationConfiguration;
import org.lawline.conversation.Conversations;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.ReplyComposed;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqMatch;
import org.lawline.knowledge.FaqSearch;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One LawLine instance as production runs it, in a Spring application context of its own with its
 * own web server on a random port: the WeChat channel and bot-core's real engine
 * ({@link ConversationConfiguration}), on the shared Redis and database. Two of these in one test
 * are two instances behind WeChat's load balancer; only the knowledge base's index is shared, to
 * spare building it twice (every instance builds the same one from the same entries).
 */
final class ApplicationInstance implements AutoCloseable {

    static final String TOKEN = "instancetoken";

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    final JdbcClient jdbc;

    ApplicationInstance(SharedInfrastructure shared, FaqSearch knowledge, EngineReplies replies, Path journalDir,
                        Map<String, String> overrides) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.datasource.url", shared.jdbcUrl);
        properties.put("spring.datasource.username", shared.databaseUser);
        properties.put("spring.datasource.password", "");
        properties.put("spring.datasource.hikari.maximum-pool-size", "4");
        properties.put(ConversationConfiguration.REDIS_URL, SharedInfrastructure.REDIS_URL);
        properties.put("lawline.conversation.store.key-prefix", shared.keyPrefix + "conversation:");
        properties.put("lawline.conversation.transcript.journal-dir", journalDir.toString());
        properties.put("lawline.wechat.key-prefix", shared.keyPrefix + "wechat:");
        properties.put("lawline.delivery.key-prefix", shared.keyPrefix + "delivery:");
        properties.put("lawline.wechat.workers", "4");
        properties.put("lawline.wechat.accounts.default.app-id", "wxinstance00000001");
        properties.put("lawline.wechat.accounts.default.secret", "instance-secret");
        properties.put("lawline.wechat.accounts.default.token", TOKEN);
        properties.put("lawline.wechat.accounts.default.api-base-url", WeChatStub.baseUrl());
        properties.putAll(overrides);
        context = new SpringApplicationBuilder(Wiring.class)
                .web(WebApplicationType.SERVLET)
                .properties(properties)
                .initializers(starting -> {
                    starting.getBeanFactory().registerSingleton("faqSearch", knowledge);
                    starting.getBeanFactory().registerSingleton("engineReplies", replies);
                })
                .run();
        port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        jdbc = context.getBean(JdbcClient.class);
    }

    /**
     * Does once what the first message of a fresh JVM and context pays for (loading the engine's
     * classes, opening the pool and Redis, the dispatcher servlet), so that a test's quick answer
     * is not late for reasons production sees once a start. Speaks as a citizen no test asks about.
     */
    ApplicationInstance warmUp() throws Exception {
        jdbc.sql("select count(*) from inbound_claim").query(Integer.class).single();
        bean(Conversations.class).handle(new InboundMessage(
                new ChannelIdentity(Channel.WECHAT, "default", "oWarmUp" + port), "warm-up", "老板拖欠工资怎么办", Instant.now()));
        String query = WebhookCalls.signedQuery(TOKEN, Instant.now());
        HttpRequest verification = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wechat/default?" + query + "&echostr=warm"))
                .GET().build();
        http.send(verification, HttpResponse.BodyHandlers.ofString());
        return this;
    }

    /** A signed plain-mode webhook call, as WeChat makes it. */
    HttpResponse<String> post(String body) throws Exception {
        String query = WebhookCalls.signedQuery(TOKEN, Instant.now());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wechat/default?" + query))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * The application's wiring. Deliberately not a {@code @Configuration}: the package's
     * {@link WeChatTestApplication} scans for those, and must not pick up a second engine.
     */
    @EnableAutoConfiguration
    @Import({WeChatConfiguration.class, ConversationConfiguration.class})
    static class Wiring {
    }

    /** Every reply the engines composed, across instances: how often the engine handled a message. */
    static final class EngineReplies {

        private final List<ReplyComposed> replies = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ReplyComposed reply) {
            replies.add(reply);
        }

        List<ReplyComposed> to(String openid) {
            return replies.stream().filter(reply -> reply.to().citizenId().equals(openid)).toList();
        }
    }

    /** The knowledge base, as slow as a test needs: the engine then misses the reply budget. */
    static final class SlowKnowledge implements FaqSearch {

        private final FaqSearch index;
        private volatile Duration delay = Duration.ZERO;

        SlowKnowledge(FaqSearch index) {
            this.index = index;
        }

        void slowDownBy(Duration delay) {
            this.delay = delay;
        }

        @Override
        public List<FaqMatch> search(String text, int limit) {
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return index.search(text, limit);
        }

        @Override
        public Optional<FaqEntry> find(String id) {
            return index.find(id);
        }
    }
}
