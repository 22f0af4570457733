package org.lawline.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqMatch;
import org.lawline.knowledge.FaqSearch;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * Two LawLine instances — two application contexts, each with its own Lettuce client — share one
 * Redis (the real one at {@code redis://127.0.0.1:6379}) and take messages of the same
 * conversation at the same time, as a load balancer would hand them out.
 */
class TwoInstancesShareConversationsIT {

    private static final String REDIS_URL = System.getProperty("lawline.test.redis-url", "redis://127.0.0.1:6379");
    private static final int THREADS_PER_INSTANCE = 4;
    private static final int MESSAGES_PER_THREAD = 25;

    private final String prefix = "lawline:conversation:test-" + UUID.randomUUID() + ":";
    private final WatchfulSearch search = new WatchfulSearch();
    private final ApplicationContextRunner instance = new ApplicationContextRunner()
            .withUserConfiguration(ConversationConfiguration.class)
            .withBean(FaqSearch.class, () -> search)
            .withPropertyValues("lawline.redis.url=" + REDIS_URL, "lawline.conversation.store.key-prefix=" + prefix);

    @AfterEach
    void removeKeys() {
        RedisClient client = RedisClient.create(REDIS_URL);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            ScanIterator.scan(connection.sync(), KeyScanArgs.Builder.matches(prefix + "*").limit(500))
                    .forEachRemaining(key -> connection.sync().del(key));
        } finally {
            client.shutdown();
        }
    }

    @Test
    void messagesOfOneConversationOnTwoInstancesAreHandledOneAtATime_andNoUpdateIsLost() {
        ChannelIdentity citizen = new ChannelIdentity(Channel.WECHAT, "gh_lawline", "o" + UUID.randomUUID());
        instance.run(first -> instance.run(second -> {
            List<String> handled = sendConcurrently(List.of(first, second), List.of(citizen));

            assertThat(search.overlaps.get()).as("turns of one conversation that overlapped").isZero();
            assertThat(handled).hasSize(2 * THREADS_PER_INSTANCE * MESSAGES_PER_THREAD);
            assertThat(first.getBean(ConversationStore.class).load(citizen)).get()
                    .extracting(ConversationSnapshot::consecutiveMisses).as("every miss counted: no update lost")
                    .isEqualTo(2 * THREADS_PER_INSTANCE * MESSAGES_PER_THREAD);
        }));
    }

    /**
     * While one instance holds a conversation's turn, messages of that conversation pile up on the
     * other, each arriving only once the one before it waits. They must be handled in the order
     * they arrived: the instance's fair lock queues them, and only the head of the queue asks
     * Redis for the turn. Without that queue every waiting message would poll Redis, and the turn
     * would go to whichever polled first once it was free.
     */
    @Test
    void messagesWaitingOnOneInstanceWhileTheOtherHoldsTheTurnAreHandledInTheOrderTheyArrived() throws Exception {
        ChannelIdentity citizen = new ChannelIdentity(Channel.WECHAT, "gh_lawline", "o" + UUID.randomUUID());
        int waiting = 8;
        instance.run(first -> instance.run(second -> {
            ExecutorService pool = Executors.newCachedThreadPool();
            try {
                Future<Reply> holding = pool.submit(() -> second.getBean(Conversations.class)
                        .handle(new InboundMessage(citizen, "hold", "问题0|" + WatchfulSearch.HOLD, Instant.now())));
                assertThat(search.holding.await(10, TimeUnit.SECONDS)).as("the second instance holds the turn").isTrue();

                Conversations arriving = first.getBean(Conversations.class);
                List<Future<Reply>> queued = new ArrayList<>();
                for (int m = 0; m < waiting; m++) {
                    String text = "问题0|queued-" + m;
                    BlockingQueue<Thread> sender = new ArrayBlockingQueue<>(1);
                    queued.add(pool.submit(() -> {
                        sender.add(Thread.currentThread());
                        return arriving.handle(new InboundMessage(citizen, text, text, Instant.now()));
                    }));
                    Thread thread = sender.poll(10, TimeUnit.SECONDS);
                    // the first has this instance's lock and polls Redis for the turn (sleeping
                    // between polls); the others wait for that lock, in line
                    awaitWaiting(thread, m == 0 ? Thread.State.TIMED_WAITING : Thread.State.WAITING);
                }
                search.release.countDown();

                assertThat(holding.get(10, TimeUnit.SECONDS).kind()).isEqualTo(ReplyKind.NO_ANSWER);
                for (Future<Reply> reply : queued) {
                    assertThat(reply.get(10, TimeUnit.SECONDS).kind()).isEqualTo(ReplyKind.NO_ANSWER);
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                search.release.countDown();
                pool.shutdownNow();
            }

            List<String> expected = new ArrayList<>(List.of(WatchfulSearch.HOLD));
            for (int m = 0; m < waiting; m++) {
                expected.add("queued-" + m);
            }
            assertThat(search.searched.stream().map(text -> text.substring(text.indexOf('|') + 1)).toList())
                    .as("messages in the order they arrived").containsExactlyElementsOf(expected);
            assertThat(search.overlaps.get()).isZero();
        }));
    }

    /** Waits until the thread waits in {@code state}, so that the next message arrives after it. */
    private static void awaitWaiting(Thread thread, Thread.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != state) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The sender did not come to wait (" + state + "), it is " + thread.getState());
            }
            Thread.sleep(1);
        }
    }

    @Test
    void differentConversationsRunInParallel() {
        ChannelIdentity one = new ChannelIdentity(Channel.WECHAT, "gh_lawline", "o" + UUID.randomUUID());
        ChannelIdentity another = new ChannelIdentity(Channel.WEIBO, "lawline", "u" + UUID.randomUUID());
        instance.run(first -> instance.run(second -> {
            sendConcurrently(List.of(first, second), List.of(one, another));

            assertThat(search.overlaps.get()).isZero();
            assertThat(search.mostAtOnce.get()).as("two conversations searched at the same time").isGreaterThanOrEqualTo(2);
        }));
    }

    @Test
    void aConversationQueuedOnOneInstanceIsClaimedOnTheOther() {
        ChannelIdentity citizen = new ChannelIdentity(Channel.WEB, "default", "c" + UUID.randomUUID());
        instance.run(first -> instance.run(second -> {
            first.getBean(Conversations.class).handle(new InboundMessage(citizen, "m1", "人工", Instant.now()));

            Optional<Reply> told = second.getBean(Conversations.class).lawyerClaimed(citizen, "lawyer-9");

            assertThat(told).get().extracting(Reply::state).isEqualTo(DialogState.WITH_LAWYER);
            assertThat(first.getBean(Conversations.class).handle(new InboundMessage(citizen, "m2", "在吗", Instant.now())))
                    .isInstanceOf(Reply.Relayed.class);
        }));
    }

    /**
     * Each sender (instance × thread) sends its messages one after another, as one citizen's
     * phone would; all senders run at once. Returns the texts in the order the engine searched
     * them.
     */
    private List<String> sendConcurrently(List<ApplicationContext> instances, List<ChannelIdentity> citizens) {
        ExecutorService pool = Executors.newFixedThreadPool(instances.size() * THREADS_PER_INSTANCE);
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int i = 0; i < instances.size(); i++) {
                Conversations conversations = instances.get(i).getBean(Conversations.class);
                for (int t = 0; t < THREADS_PER_INSTANCE; t++) {
                    String sender = i + "-" + t + "-";
                    int c = (i * THREADS_PER_INSTANCE + t) % citizens.size();
                    ChannelIdentity citizen = citizens.get(c);
                    senders.add(pool.submit(() -> {
                        for (int m = 0; m < MESSAGES_PER_THREAD; m++) {
                            // "问题<conversation>|<sender>-<number>": words, so it is searched; the search sees whose turn it is
                            String text = "问题" + c + "|" + sender + m;
                            Reply reply = conversations.handle(new InboundMessage(citizen, sender + m, text, Instant.now()));
                            assertThat(reply.kind()).isEqualTo(ReplyKind.NO_ANSWER);
                        }
                    }));
                }
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
        return search.searched.stream().map(text -> text.substring(text.indexOf('|') + 1)).toList();
    }

    /**
     * Finds nothing, slowly enough (2 ms) that overlapping turns would be seen, and counts turns
     * of one conversation that overlap: a search is a turn in progress. A {@link #HOLD} message
     * keeps its turn until the test releases it.
     */
    static final class WatchfulSearch implements FaqSearch {
        /** A message that keeps its turn until {@link #release}: the conversation is busy meanwhile. */
        static final String HOLD = "hold";
        final List<String> searched = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch holding = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger overlaps = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        private final AtomicInteger atOnce = new AtomicInteger();
        private final Map<String, AtomicInteger> inTurn = new ConcurrentHashMap<>();

        @Override
        public List<FaqMatch> search(String text, int limit) {
            AtomicInteger mine = inTurn.computeIfAbsent(text.substring(0, text.indexOf('|')), key -> new AtomicInteger());
            if (mine.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
            try {
                searched.add(text);
                if (text.endsWith("|" + HOLD)) {
                    holding.countDown();
                    release.await(10, TimeUnit.SECONDS);
                }
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                atOnce.decrementAndGet();
                mine.decrementAndGet();
            }
            return List.of();
        }

        @Override
        public Optional<FaqEntry> find(String id) {
            return Optional.empty();
        }
    }
}
