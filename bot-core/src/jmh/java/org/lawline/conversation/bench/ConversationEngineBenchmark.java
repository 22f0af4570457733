package org.lawline.conversation.bench;

import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.ConversationStore;
import org.lawline.conversation.ConversationStoreSettings;
import org.lawline.conversation.DialogSettings;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.LegalAidSettings;
import org.lawline.conversation.Reply;
import org.lawline.conversation.dialog.ConversationEngine;
import org.lawline.conversation.state.ConversationTurns;
import org.lawline.conversation.state.InMemoryConversationStore;
import org.lawline.conversation.state.PausingRedis;
import org.lawline.conversation.state.RedisConversationStore;
import org.lawline.conversation.state.RedisConversationTurns;
import org.lawline.conversation.state.StoreTurns;
import org.lawline.conversation.transcript.Transcripts;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqMatch;
import org.lawline.knowledge.FaqSearch;
import org.lawline.knowledge.LawReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Messages per second through the whole engine (router, search verdict, state machine, turn and
 * store) with the in-process store and with Redis, in the same run; and Redis round trips per
 * message. The knowledge base is a fixed answer, so the figures are the engine's and the store's,
 * not Lucene's. Each message is a clear question from one of 10 000 citizens, so turns of one
 * conversation rarely wait on each other (that is measured by the tests, not here).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ConversationEngineBenchmark {

    private static final FaqEntry WAGES = new FaqEntry("labour-wage-arrears", "公司拖欠工资怎么办？", List.of(),
            "可以先向公司书面催告；仍不支付的，可以向劳动保障监察机构投诉，或申请劳动仲裁。", "劳动",
            List.of(LawReference.parse("中华人民共和国劳动合同法第三十条")));

    @State(Scope.Benchmark)
    public static class Engine {

        @Param({"in-process", "redis"})
        public String store;

        ConversationEngine engine;
        ChannelIdentity[] citizens = new ChannelIdentity[10_000];
        final AtomicLong messages = new AtomicLong();
        RedisConversationTurns redisTurns;
        private RedisClient client;
        private StatefulRedisConnection<String, String> connection;
        private String prefix;

        @Setup(Level.Trial)
        public void start() {
            for (int i = 0; i < citizens.length; i++) {
                citizens[i] = new ChannelIdentity(Channel.WECHAT, "gh_bench", "o" + UUID.randomUUID());
            }
            ConversationStoreSettings settings = ConversationStoreSettings.defaults();
            ConversationStore conversations;
            ConversationTurns turns;
            if (store.equals("redis")) {
                prefix = "lawline:conversation:bench-" + UUID.randomUUID() + ":";
                client = RedisClient.create(RedisConversationStore.clientResources(),
                        RedisURI.create(System.getProperty("lawline.bench.redis-url", "redis://127.0.0.1:6379")));
                client.setOptions(RedisConversationStore.clientOptions(settings.commandTimeout(), settings.requestQueueSize()));
                connection = client.connect();
                // as the application runs it: every command through the one circuit breaker
                var guarded = new PausingRedis(connection, settings.retryAfter()).connection();
                conversations = new RedisConversationStore(guarded, prefix, settings.ttl());
                redisTurns = new RedisConversationTurns(guarded, prefix, settings.ttl(), settings.turnLease(), settings.turnWait());
                turns = redisTurns;
            } else {
                conversations = new InMemoryConversationStore(Clock.systemUTC(), settings.ttl(), settings.maxInMemory());
                turns = new StoreTurns(conversations);
            }
            engine = new ConversationEngine(new OneAnswer(), conversations, turns, event -> { }, DialogSettings.defaults(),
                    LegalAidSettings.defaults(), Clock.systemUTC(), Transcripts.NONE);
        }

        @TearDown(Level.Trial)
        public void stop() {
            if (redisTurns != null) {
                System.out.printf("%nRedis round trips per message: %.3f (%d round trips, %d messages)%n",
                        (double) redisTurns.roundTrips() / messages.get(), redisTurns.roundTrips(), messages.get());
                ScanIterator.scan(connection.sync(), KeyScanArgs.Builder.matches(prefix + "*").limit(1000))
                        .forEachRemaining(key -> connection.sync().del(key));
                connection.close();
                client.shutdown();
            }
        }
    }

    @State(Scope.Thread)
    public static class Sender {
        int next = (int) (Math.random() * 10_000);
    }

    @Benchmark
    public Reply handle(Engine engine, Sender sender) {
        ChannelIdentity citizen = engine.citizens[sender.next++ % engine.citizens.length];
        engine.messages.incrementAndGet();
        return engine.engine.handle(new InboundMessage(citizen, "m", "公司拖欠工资怎么办", Instant.now()));
    }

    /** Always the same clear answer: the benchmark measures the engine and the store. */
    static final class OneAnswer implements FaqSearch {
        private final List<FaqMatch> matches = List.of(new FaqMatch(WAGES, 12.0, 0.9));

        @Override
        public List<FaqMatch> search(String text, int limit) {
            return matches;
        }

        @Override
        public Optional<FaqEntry> find(String id) {
            return Optional.of(WAGES);
        }
    }
}
