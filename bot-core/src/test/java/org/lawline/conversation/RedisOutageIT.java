package org.lawline.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqMatch;
import org.lawline.knowledge.FaqSearch;
import org.lawline.knowledge.LawReference;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * Degraded mode against a redis-server this test starts on a free port of its own, then stops,
 * freezes and restarts: citizens keep getting FAQ answers, nothing reaches the caller, threads
 * are not held, and conversation state is used again once Redis is back.
 */
class RedisOutageIT {

    private static final FaqEntry WAGES = new FaqEntry("labour-wage-arrears", "公司拖欠工资怎么办？", List.of("老板不发工资"),
            "可以先向公司书面催告；仍不支付的，可以向劳动保障监察机构投诉，或申请劳动仲裁。", "劳动",
            List.of(LawReference.parse("中华人民共和国劳动合同法第三十条")));
    private static final FaqEntry SEVERANCE = new FaqEntry("labour-severance", "被辞退有经济补偿吗？", List.of("辞退补偿"),
            "用人单位依法解除劳动合同的，应当按工作年限支付经济补偿。", "劳动",
            List.of(LawReference.parse("中华人民共和国劳动合同法第四十六条")));
    private static final FaqEntry OVERTIME = new FaqEntry("labour-overtime-pay", "加班费怎么算？", List.of("加班工资"),
            "工作日延长工作时间的，支付不低于工资百分之一百五十的报酬。", "劳动",
            List.of(LawReference.parse("中华人民共和国劳动法第四十四条")));
    private static final String QUESTION = "公司拖欠工资怎么办";
    /** Close to three entries at once: with state, the citizen is offered them as numbered choices. */
    private static final String VAGUE_QUESTION = "公司不给钱怎么办";

    @TempDir
    Path dir;

    private int port;
    private Process redis;

    @BeforeEach
    void startRedis() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        startRedisServer();
    }

    @AfterEach
    void stopRedis() {
        if (redis != null) {
            redis.destroyForcibly();
        }
    }

    @Test
    void withRedisDownCitizensStillGetAnswers_andStateResumesWhenItIsBack() throws Exception {
        runner().run(app -> {
            Conversations conversations = app.getBean(Conversations.class);
            ChannelIdentity waiting = citizen();
            conversations.handle(message(waiting, "人工"));
            assertThat(conversations.stateOf(waiting)).isEqualTo(DialogState.QUEUED);

            stopRedisServer();

            List<Reply> replies = askConcurrently(conversations, 8, 25);
            assertThat(replies).hasSize(200).allSatisfy(reply -> assertThat(reply.kind()).isEqualTo(ReplyKind.ANSWER));
            assertThat(conversations.stateOf(waiting)).as("nothing thrown: the bot's state while Redis is down").isEqualTo(DialogState.BOT);
            assertThatThrownBy(() -> conversations.lawyerClaimed(waiting, "lawyer-1"))
                    .as("handoff's commands fail so that handoff retries them").isInstanceOf(ConversationStoreUnavailable.class);

            startRedisServer();

            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                    .until(() -> conversations.handle(message(waiting, "人工")).text().startsWith("您已在排队"));
            assertThat(conversations.lawyerClaimed(waiting, "lawyer-1")).get().extracting(Reply::state).isEqualTo(DialogState.WITH_LAWYER);
            assertThat(conversations.handle(message(waiting, QUESTION))).isInstanceOf(Reply.Relayed.class);
        });
    }

    @Test
    void aFrozenRedisCostsOneCommandTimeoutPerPause_notOnePerMessage() throws Exception {
        runner().run(app -> {
            Conversations conversations = app.getBean(Conversations.class);
            conversations.handle(message(citizen(), QUESTION));

            signal("STOP");
            try {
                long started = System.nanoTime();
                List<Reply> replies = askConcurrently(conversations, 8, 25);
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                assertThat(replies).hasSize(200).allSatisfy(reply -> assertThat(reply.kind()).isEqualTo(ReplyKind.ANSWER));
                // Generous bounds (measured: 1.4 s in all, 0.6 s the slowest, on a loaded machine):
                // a command timeout (500 ms) per message would take 200 × 0.5 s / 8 threads = 12.5 s.
                assertThat(slowest.get()).as("slowest reply, ms").isLessThan(5_000);
                assertThat(took).as("200 messages with Redis frozen").isLessThan(Duration.ofSeconds(10));
            } finally {
                signal("CONT");
            }
            ChannelIdentity later = citizen();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
                conversations.handle(message(later, "人工"));
                return conversations.stateOf(later) == DialogState.QUEUED;
            });
        });
    }

    @Test
    void aRedisFailureSeenByATurnPausesEveryModulesCommands_untilRedisIsBack() throws Exception {
        // a pause long enough that the checks below run inside it, however loaded the machine
        runner().withPropertyValues("lawline.conversation.store.retry-after=5s").run(app -> {
            Conversations conversations = app.getBean(Conversations.class);
            SharedRedis shared = app.getBean(SharedRedis.class);
            shared.connection().sync().set("outage-test", "before");

            signal("STOP");
            try {
                assertThat(conversations.handle(message(citizen(), QUESTION)).kind())
                        .as("the turn that meets the frozen Redis is still answered").isEqualTo(ReplyKind.ANSWER);
                // another module's command (a rate limit, a pickup timer) fails at once instead of waiting its own timeout
                assertThatThrownBy(() -> shared.connection().sync().get("outage-test"))
                        .isInstanceOf(org.lawline.conversation.state.PausingRedis.RedisPaused.class);
                assertThatThrownBy(() -> shared.connection().async())
                        .as("no way around the breaker").isInstanceOf(UnsupportedOperationException.class);
            } finally {
                signal("CONT");
            }
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> "before".equals(shared.connection().sync().get("outage-test")));
            ChannelIdentity later = citizen();
            conversations.handle(message(later, "人工"));
            assertThat(conversations.stateOf(later)).as("conversation state resumes with the other commands").isEqualTo(DialogState.QUEUED);
        });
    }

    @Test
    void anErrorRedisAnswersWithIsNoOutage() throws Exception {
        runner().run(app -> {
            SharedRedis shared = app.getBean(SharedRedis.class);
            shared.connection().sync().set("outage-test-text", "not a number");
            assertThatThrownBy(() -> shared.connection().sync().incr("outage-test-text"))
                    .isInstanceOf(io.lettuce.core.RedisCommandExecutionException.class);
            assertThat(shared.connection().sync().get("outage-test-text")).as("the next command is not paused").isEqualTo("not a number");
        });
    }

    @Test
    void withRedisDownNoNumberedChoicesAreOffered_andATypedCallbackNumberReachesHandoff() throws Exception {
        runner().withBean(CallbackNumbers.class).run(app -> {
            Conversations conversations = app.getBean(Conversations.class);
            ChannelIdentity asked = citizen();
            assertThat(conversations.handle(message(asked, VAGUE_QUESTION)).kind())
                    .as("with Redis up the close matches are offered as choices").isEqualTo(ReplyKind.CHOICES);
            ChannelIdentity waiting = citizen();
            conversations.handle(message(waiting, "人工"));
            conversations.pickupTimedOut(waiting);
            assertThat(conversations.stateOf(waiting)).isEqualTo(DialogState.COLLECTING_PHONE);

            stopRedisServer();

            ChannelIdentity asking = citizen();
            Reply answer = conversations.handle(message(asking, VAGUE_QUESTION));
            assertThat(answer.kind()).isEqualTo(ReplyKind.ANSWER);
            assertThat(answer.text()).startsWith(WAGES.answer()).contains("您也可以问：\n· " + SEVERANCE.question() + "\n· " + OVERTIME.question())
                    .doesNotContain("回复数字");
            Reply suggestion = conversations.handle(message(asking, OVERTIME.question()));
            assertThat(suggestion.entryId()).as("a suggestion asked in words is answered").contains(OVERTIME.id());

            Reply noted = conversations.handle(message(waiting, "13800138000"));
            assertThat(noted.text()).contains("138****8000").doesNotContain("没能看懂");
            assertThat(app.getBean(CallbackNumbers.class).confirmed).singleElement().satisfies(confirmed -> {
                assertThat(confirmed.citizen()).isEqualTo(waiting);
                assertThat(confirmed.phone().digits()).isEqualTo("13800138000");
            });
        });
    }

    /** Handoff's part, as far as this module can see it: the callback numbers it hears of. */
    static final class CallbackNumbers {
        final List<CallbackNumberConfirmed> confirmed = new java.util.concurrent.CopyOnWriteArrayList<>();

        @org.springframework.context.event.EventListener
        void on(CallbackNumberConfirmed event) {
            confirmed.add(event);
        }
    }

    private final AtomicLong slowest = new AtomicLong();

    /** {@code threads} senders, each asking {@code each} questions as a different citizen. */
    private List<Reply> askConcurrently(Conversations conversations, int threads, int each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Reply>>> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                senders.add(pool.submit(() -> {
                    List<Reply> replies = new ArrayList<>();
                    ChannelIdentity citizen = citizen();
                    for (int i = 0; i < each; i++) {
                        long started = System.nanoTime();
                        replies.add(conversations.handle(message(citizen, QUESTION)));
                        slowest.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), Math::max);
                    }
                    return replies;
                }));
            }
            List<Reply> all = new ArrayList<>();
            for (Future<List<Reply>> sender : senders) {
                all.addAll(sender.get(60, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(ConversationConfiguration.class)
                .withBean(FaqSearch.class, WagesOnly::new)
                .withPropertyValues("lawline.redis.url=redis://127.0.0.1:" + port,
                        "lawline.conversation.store.retry-after=300ms");
    }

    private void startRedisServer() throws IOException, InterruptedException {
        Path data = Files.createDirectories(dir.resolve("data"));
        // append-only with fsync always: what was saved before the stop is there after the restart
        redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", data.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!answersPing()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("redis-server did not start on port " + port + ": " + Files.readString(dir.resolve("redis.log")));
            }
            Thread.sleep(50);
        }
    }

    private void stopRedisServer() throws InterruptedException {
        redis.destroy();
        assertThat(redis.waitFor(10, TimeUnit.SECONDS)).as("redis-server stopped").isTrue();
    }

    private void signal(String signal) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(redis.pid())).start().waitFor()).isZero();
    }

    private boolean answersPing() {
        try {
            Process ping = new ProcessBuilder("redis-cli", "-p", Integer.toString(port), "ping").redirectErrorStream(true).start();
            return ping.waitFor(2, TimeUnit.SECONDS) && new String(ping.getInputStream().readAllBytes()).contains("PONG");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static ChannelIdentity citizen() {
        return new ChannelIdentity(Channel.WECHAT, "gh_lawline", "o" + UUID.randomUUID());
    }

    private static InboundMessage message(ChannelIdentity citizen, String text) {
        return new InboundMessage(citizen, UUID.randomUUID().toString(), text, Instant.now());
    }

    static final class WagesOnly implements FaqSearch {
        @Override
        public List<FaqMatch> search(String text, int limit) {
            if (text.equals(VAGUE_QUESTION)) {
                // within the dialog's confidence gap and close ratio of each other: a choice with Redis up
                return List.of(new FaqMatch(WAGES, 8.0, 0.8), new FaqMatch(SEVERANCE, 7.6, 0.78), new FaqMatch(OVERTIME, 7.4, 0.76));
            }
            if (text.equals(OVERTIME.question())) {
                return List.of(new FaqMatch(OVERTIME, 12.0, 0.9));
            }
            return text.contains("工资") ? List.of(new FaqMatch(WAGES, 12.0, 0.9)) : List.of();
        }

        @Override
        public Optional<FaqEntry> find(String id) {
            return java.util.stream.Stream.of(WAGES, SEVERANCE, OVERTIME).filter(entry -> entry.id().equals(id)).findFirst();
        }
    }
}
