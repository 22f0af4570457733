package org.lawline.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.DialogSettings;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.LegalAidSettings;
import org.lawline.conversation.Reply;
import org.lawline.conversation.ReplyKind;
import org.lawline.conversation.state.InMemoryConversationStore;
import org.lawline.conversation.state.StoreTurns;
import org.lawline.conversation.transcript.Transcripts;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqMatch;
import org.lawline.knowledge.FaqSearch;
import org.lawline.knowledge.LabelledExample;
import org.lawline.knowledge.LawArticle;
import org.lawline.knowledge.LawArticleMatch;
import org.lawline.knowledge.LawArticles;
import org.lawline.knowledge.TextClassifier;
import org.lawline.knowledge.embedding.BgeSmallZh;
import org.lawline.knowledge.embedding.QuestionVectors;
import org.lawline.knowledge.embedding.SentenceEmbedder;
import org.lawline.knowledge.embedding.SoftmaxClassifiers;
import org.lawline.knowledge.law.LuceneLawArticles;
import org.lawline.knowledge.search.LuceneFaqSearch;

/**
 * A turn reads the question by meaning three times — the intent recogniser, the FAQ search and,
 * when no entry is confident, the law search — and runs the model once: one call of two
 * sentences, the message as typed (which all three read) and its form after bge's query
 * instruction (by which the FAQ search finds and orders candidates). The model is the real
 * bge-small-zh, counted by a wrapper around it; the recogniser, the FAQ index and the law index
 * are the real ones, each merely watched.
 */
class OneEmbeddingPerTurnTest {

    /** A legal question the labour entries do not answer, close to the neighbours' articles. */
    private static final String QUESTION = "楼上邻居家的水管漏水把我家的房子淹了，他要不要赔";

    private static final LawArticle NEIGHBOUR_WATER = LawArticle.of("中华人民共和国民法典", "第二百九十条",
            "不动产权利人应当为相邻权利人用水、排水提供必要的便利。", "物权", "相邻关系");
    private static final LawArticle DAMAGE = LawArticle.of("中华人民共和国民法典", "第一千一百六十五条",
            "行为人因过错侵害他人民事权益造成损害的，应当承担侵权责任。", "侵权责任", "一般规定");

    @TempDir
    static Path cache;

    private static final CountingModel model = new CountingModel(BgeSmallZh.shared());
    private static LuceneFaqSearch faqIndex;
    private static LuceneLawArticles lawIndex;
    private static TextClassifier classifier;

    private final Watched watched = new Watched();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final AtomicInteger ids = new AtomicInteger();
    private ConversationEngine engine;

    @BeforeAll
    static void buildTheRealIndexesAndRecogniser() {
        // a model of its own for the questions: nothing another test asked is kept in it
        QuestionVectors questions = new QuestionVectors(model, 64);
        faqIndex = LuceneFaqSearch.hybrid(cache, questions);
        List<FaqEntry> entries = List.of(Fixtures.PROBATION, Fixtures.WAGES, Fixtures.SEVERANCE, Fixtures.OVERTIME, Fixtures.CUSTODY);
        faqIndex.replaceAll(entries);
        // consulting the FAQ index, as the service's law search does: one more reader of the turn's vectors
        lawIndex = LuceneLawArticles.hybrid(Optional.of(cache), questions, faqIndex);
        lawIndex.replaceAll(List.of(NEIGHBOUR_WATER, DAMAGE));
        lawIndex.awaitVectors();
        classifier = new SoftmaxClassifiers(questions, Optional.of(cache)).train(List.of(
                new LabelledExample("emergency:fire", "着火了 快来人啊"),
                new LabelledExample("emergency:fire", "楼道里全是烟 火烧起来了"),
                new LabelledExample("person", "我要找真人律师聊"),
                new LabelledExample("person", "别让机器人回答了 叫个人来"),
                new LabelledExample("greeting", "你好"),
                new LabelledExample("greeting", "在吗"),
                new LabelledExample(MeaningRecogniser.QUESTION, "邻居装修把我家墙弄裂了找谁赔"),
                new LabelledExample(MeaningRecogniser.QUESTION, Fixtures.WAGES.question()),
                new LabelledExample(MeaningRecogniser.QUESTION, Fixtures.CUSTODY.question())));
    }

    @AfterAll
    static void close() {
        faqIndex.close();
        lawIndex.close();
    }

    @BeforeEach
    void engine() {
        InMemoryConversationStore store = new InMemoryConversationStore(clock, Duration.ofHours(24), 100);
        MeaningRecogniser recogniser = new MeaningRecogniser(watched.classifier(classifier), MeaningRecogniser.Thresholds.DEFAULT);
        engine = new ConversationEngine(watched.faqs(faqIndex), Optional.of(watched.articles(lawIndex)), recogniser, store,
                new StoreTurns(store), event -> { }, DialogSettings.defaults(), LegalAidSettings.defaults(), clock, Transcripts.NONE);
    }

    @Test
    void aQuestionReadByTheRecogniserTheFaqSearchAndTheLawSearchIsEmbeddedInOneCallWithItsSearchingForm() {
        int callsBefore = model.calls.get();
        int sentencesBefore = model.sentences.get();
        int batchesBefore = model.batches.size();

        Reply reply = say("citizen-1", QUESTION);

        assertThat(reply.kind()).isIn(ReplyKind.LAW, ReplyKind.NO_ANSWER);
        assertThat(watched.classified).containsExactly(QUESTION);
        assertThat(watched.searchedFaqs).containsExactly(QUESTION);
        assertThat(watched.searchedLaw).containsExactly(QUESTION);
        assertThat(model.calls.get() - callsBefore).as("model calls in the turn").isEqualTo(1);
        assertThat(model.sentences.get() - sentencesBefore).as("sentences embedded in the turn").isEqualTo(2);
        assertThat(model.batches.subList(batchesBefore, model.batches.size())).as("what the turn embedded")
                // the searching form NFKC-normalised, as the entries' sentences are: ， → ,
                .containsExactly(List.of(QUESTION, QuestionVectors.QUERY_INSTRUCTION + "楼上邻居家的水管漏水把我家的房子淹了,他要不要赔"));
    }

    @Test
    void theSameQuestionFromAnotherCitizenLaterRunsNoModelAtAll() {
        say("citizen-2", QUESTION + "？");
        int sentencesBefore = model.sentences.get();
        int callsBefore = model.calls.get();

        say("citizen-3", QUESTION + "？");

        assertThat(watched.searchedLaw).hasSize(2);
        assertThat(model.sentences.get() - sentencesBefore).isZero();
        assertThat(model.calls.get() - callsBefore).isZero();
    }

    private Reply say(String citizen, String text) {
        clock.advance(Duration.ofSeconds(10));
        return engine.handle(new InboundMessage(new ChannelIdentity(Channel.WEB, "default", citizen), "m" + ids.incrementAndGet(),
                text, clock.instant()));
    }

    /** The real bge-small-zh, counted. */
    private static final class CountingModel implements SentenceEmbedder {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger sentences = new AtomicInteger();
        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        private final SentenceEmbedder real;

        CountingModel(SentenceEmbedder real) {
            this.real = real;
        }

        @Override
        public String modelId() {
            return real.modelId();
        }

        @Override
        public int dimensions() {
            return real.dimensions();
        }

        @Override
        public List<float[]> embed(List<String> batch) {
            calls.incrementAndGet();
            sentences.addAndGet(batch.size());
            batches.add(List.copyOf(batch));
            return real.embed(batch);
        }
    }

    /** Records what the real recogniser and searches were asked, and passes every call on. */
    private static final class Watched {
        final List<String> classified = new CopyOnWriteArrayList<>();
        final List<String> searchedFaqs = new CopyOnWriteArrayList<>();
        final List<String> searchedLaw = new CopyOnWriteArrayList<>();

        TextClassifier classifier(TextClassifier real) {
            return text -> {
                classified.add(text);
                return real.classify(text);
            };
        }

        FaqSearch faqs(FaqSearch real) {
            return new FaqSearch() {
                @Override
                public List<FaqMatch> search(String text, int limit) {
                    searchedFaqs.add(text);
                    return real.search(text, limit);
                }

                @Override
                public Optional<FaqEntry> find(String id) {
                    return real.find(id);
                }
            };
        }

        LawArticles articles(LawArticles real) {
            return new LawArticles() {
                @Override
                public Optional<LawArticle> find(String id) {
                    return real.find(id);
                }

                @Override
                public List<LawArticleMatch> search(String text, int limit) {
                    searchedLaw.add(text);
                    return real.search(text, limit);
                }

                @Override
                public int size() {
                    return real.size();
                }
            };
        }
    }
}
