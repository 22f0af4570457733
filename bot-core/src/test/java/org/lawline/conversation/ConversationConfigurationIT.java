package org.lawline.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawline.conversation.state.InMemoryConversationStore;
import org.lawline.conversation.state.RedisConversationStore;
import org.lawline.conversation.transcript.JournaledTranscripts;
import org.lawline.conversation.transcript.Transcripts;
import org.lawline.knowledge.BundledKnowledge;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqMatch;
import org.lawline.knowledge.FaqSearch;
import org.lawline.knowledge.LabelProbabilities;
import org.lawline.knowledge.LabelledExample;
import org.lawline.knowledge.LawArticle;
import org.lawline.knowledge.LawArticleMatch;
import org.lawline.knowledge.LawArticles;
import org.lawline.knowledge.LawReference;
import org.lawline.knowledge.SearchableEntriesChanged;
import org.lawline.knowledge.TextClassifier;
import org.lawline.knowledge.TextClassifiers;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The wiring: which store the configuration picks, and that the engine publishes through the
 * application context. The Redis case uses the real Redis at {@code redis://127.0.0.1:6379}.
 */
class ConversationConfigurationIT {

    private static final String REDIS_URL = System.getProperty("lawline.test.redis-url", "redis://127.0.0.1:6379");

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ConversationConfiguration.class)
            .withBean(FaqSearch.class, NothingFound::new)
            .withBean(Replies.class);

    @Test
    void withoutARedisUrlConversationsLiveInThisProcess() {
        context.run(app -> {
            assertThat(app).hasNotFailed();
            assertThat(app).getBean(ConversationStore.class).isInstanceOf(InMemoryConversationStore.class);
            assertThat(app).doesNotHaveBean("conversationRedisClient");
        });
    }

    @Test
    void anEmptyRedisUrlCountsAsNone() {
        // what ${LAWLINE_REDIS_URL:} yields when the variable is unset
        context.withPropertyValues("lawline.redis.url=").run(app ->
                assertThat(app).getBean(ConversationStore.class).isInstanceOf(InMemoryConversationStore.class));
    }

    @Test
    void withARedisUrlConversationsLiveInRedis_andTheConnectionClosesWithTheContext() {
        String prefix = "lawline:conversation:test-" + UUID.randomUUID() + ":";
        List<StatefulRedisConnection<?, ?>> connections = new ArrayList<>();
        context.withPropertyValues("lawline.redis.url=" + REDIS_URL, "lawline.conversation.store.key-prefix=" + prefix)
                .run(app -> {
                    assertThat(app).hasNotFailed();
                    assertThat(app).getBean(ConversationStore.class).isInstanceOf(RedisConversationStore.class);
                    StatefulRedisConnection<?, ?> connection = app.getBean(SharedRedis.class).connection();
                    assertThat(connection).as("one connection, shared by type, behind the one circuit breaker")
                            .isSameAs(app.getBean(org.lawline.conversation.state.PausingRedis.class).connection());
                    connections.add(connection);

                    ChannelIdentity citizen = new ChannelIdentity(Channel.WEB, "default", "it-" + UUID.randomUUID());
                    Reply reply = app.getBean(Conversations.class).handle(new InboundMessage(citizen, "m1", "转人工", Instant.now()));

                    assertThat(reply.state()).isEqualTo(DialogState.QUEUED);
                    assertThat(app.getBean(Conversations.class).stateOf(citizen)).isEqualTo(DialogState.QUEUED);
                    assertThat(app.getBean(Replies.class).events).hasSize(2);
                    app.getBean(ConversationStore.class).delete(citizen);
                });

        assertThat(connections).singleElement().satisfies(connection -> assertThat(connection.isOpen()).isFalse());
    }

    @Test
    void withoutADatabaseTurnsAreNotKept_withOneTheyAreJournaledAndCopiedIn(@TempDir Path journal) {
        context.run(app -> assertThat(app.getBean(Transcripts.class)).isSameAs(Transcripts.NONE));
        context.withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:h2:mem:cfg-" + UUID.randomUUID(), "sa", ""))
                .withPropertyValues("lawline.conversation.transcript.journal-dir=" + journal)
                .run(app -> assertThat(app.getBean(Transcripts.class)).isInstanceOf(JournaledTranscripts.class));
    }

    @Test
    void theRecogniserLearnsTheEntriesTheKnowledgeBaseAnnounces() {
        TrainingLog trainings = new TrainingLog();
        context.withBean(TextClassifiers.class, () -> trainings).run(app -> {
            assertThat(app).hasNotFailed();
            assertThat(trainings.await(1)).as("the first training, on the bundled entries").isTrue();
            FaqEntry written = new FaqEntry("admin-1", "小区电动车充电起火了谁负责？", List.of(), "由过错方承担责任。", "", List.of());
            List<FaqEntry> entries = new ArrayList<>(BundledKnowledge.faqEntries());
            entries.add(written);

            app.publishEvent(new SearchableEntriesChanged(entries));

            assertThat(trainings.await(2)).as("a training on the announced entries").isTrue();
            assertThat(trainings.last()).contains(new LabelledExample("question", written.question()));
        });
    }

    /** Keeps what each training was given; trains a classifier that finds every text a question. */
    static final class TrainingLog implements TextClassifiers {
        private final List<List<LabelledExample>> trainings = new CopyOnWriteArrayList<>();
        private final Semaphore trained = new Semaphore(0);

        @Override
        public TextClassifier train(List<LabelledExample> examples) {
            trainings.add(List.copyOf(examples));
            trained.release();
            return text -> new LabelProbabilities(Map.of("question", 1.0), Map.of());
        }

        /** Waits for the n-th training to end; a wait, not a measure of speed. */
        boolean await(int n) throws InterruptedException {
            boolean done = trained.tryAcquire(n, 60, TimeUnit.SECONDS);
            trained.release(n);
            return done;
        }

        List<LabelledExample> last() {
            return trainings.get(trainings.size() - 1);
        }
    }

    @Test
    void thresholdsComeFromProperties() {
        context.withPropertyValues("lawline.dialog.answer-confidence=0.75").run(app ->
                assertThat(app.getBean(DialogSettings.class).answerConfidence()).isEqualTo(0.75));
    }

    @Test
    void theContextsLawArticlesAreShownOn查看法条_andWithoutThemItSaysTheyCannotBeShown() {
        ApplicationContextRunner answering = new ApplicationContextRunner()
                .withUserConfiguration(ConversationConfiguration.class)
                .withBean(FaqSearch.class, OneAnswer::new);
        LawArticle article = LawArticle.of("中华人民共和国劳动合同法", "第三十条", "用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。", "", "");

        answering.withBean(LawArticles.class, () -> new OneArticle(article)).run(app ->
                assertThat(askThenShowArticles(app.getBean(Conversations.class)).text()).startsWith("《劳动合同法》第三十条\n" + article.text()));
        answering.run(app ->
                assertThat(askThenShowArticles(app.getBean(Conversations.class)).text()).startsWith("抱歉，法律条文原文暂时无法查看"));
    }

    private static Reply askThenShowArticles(Conversations conversations) {
        ChannelIdentity citizen = new ChannelIdentity(Channel.WEB, "default", "it-" + UUID.randomUUID());
        Reply answer = conversations.handle(new InboundMessage(citizen, "m1", "公司拖欠工资怎么办", Instant.now()));
        assertThat(answer.kind()).isEqualTo(ReplyKind.ANSWER);
        return conversations.handle(new InboundMessage(citizen, "m2", "查看法条", Instant.now()));
    }

    /** Every question finds the one wage entry, confidently. */
    static final class OneAnswer implements FaqSearch {
        private static final FaqEntry WAGES = new FaqEntry("labour-wage-arrears", "公司拖欠工资怎么办？", List.of(),
                "可以申请劳动仲裁。", "劳动", List.of(LawReference.parse("中华人民共和国劳动合同法第三十条")));

        @Override
        public List<FaqMatch> search(String text, int limit) {
            return List.of(new FaqMatch(WAGES, 12.0, 0.95));
        }

        @Override
        public Optional<FaqEntry> find(String id) {
            return WAGES.id().equals(id) ? Optional.of(WAGES) : Optional.empty();
        }
    }

    record OneArticle(LawArticle article) implements LawArticles {
        @Override
        public Optional<LawArticle> find(String id) {
            return article.id().equals(id) ? Optional.of(article) : Optional.empty();
        }

        @Override
        public List<LawArticleMatch> search(String text, int limit) {
            return List.of();
        }

        @Override
        public int size() {
            return 1;
        }
    }

    static final class NothingFound implements FaqSearch {
        @Override
        public List<FaqMatch> search(String text, int limit) {
            return List.of();
        }

        @Override
        public Optional<FaqEntry> find(String id) {
            return Optional.empty();
        }
    }

    static final class Replies {
        final List<Object> events = new ArrayList<>();

        @EventListener
        void on(ReplyComposed event) {
            events.add(event);
        }

        @EventListener
        void on(EscalationRequested event) {
            events.add(event);
        }
    }
}
