package org.lawline.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.DialogSettings;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.LegalAidSettings;
import org.lawline.conversation.Reply;
import org.lawline.conversation.ReplyKind;
import org.lawline.conversation.state.InMemoryConversationStore;
import org.lawline.conversation.state.StoreTurns;
import org.lawline.conversation.transcript.Transcripts;
import org.lawline.knowledge.LawArticle;
import org.lawline.knowledge.LawArticleMatch;
import org.lawline.knowledge.LawArticles;

/**
 * When no entry is confident but the law search is, the citizen reads the closest one or two
 * articles and is offered a lawyer, instead of "抱歉，我还不能确定怎么回答这个问题".
 */
class LawGroundedReplyTest {

    private static final LawArticle NEIGHBOUR_WATER = LawArticle.of("中华人民共和国民法典", "第二百九十条",
            "不动产权利人应当为相邻权利人用水、排水提供必要的便利。", "物权", "相邻关系");
    private static final LawArticle NEIGHBOUR_LIGHT = LawArticle.of("中华人民共和国民法典", "第二百九十三条",
            "建造建筑物，不得违反国家有关工程建设标准，不得妨碍相邻建筑物的通风、采光和日照。", "物权", "相邻关系");

    private final ChannelIdentity citizen = new ChannelIdentity(Channel.WEB, "default", "law-grounded-1");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final AtomicInteger ids = new AtomicInteger();
    private final ScriptedLawSearch law = new ScriptedLawSearch();
    private ConversationEngine engine = engine(Optional.of(law));

    @Test
    void aQuestionNoEntryAnswersGetsTheCloseArticlesAndALawyerOffered() {
        law.answers(new LawArticleMatch(NEIGHBOUR_WATER, 1.8, 0.81), new LawArticleMatch(NEIGHBOUR_LIGHT, 1.2, 0.77));

        Reply reply = say(Fixtures.UNKNOWN_QUESTION);

        assertThat(reply.kind()).isEqualTo(ReplyKind.LAW);
        assertThat(reply.state()).isEqualTo(DialogState.BOT);
        assertThat(reply.citations()).containsExactly(NEIGHBOUR_WATER.reference(), NEIGHBOUR_LIGHT.reference());
        assertThat(reply.text()).startsWith("没有找到完全对应的问答，以下法律规定可能与您的问题有关")
                .contains("《民法典》第二百九十条\n" + NEIGHBOUR_WATER.text())
                .contains("《民法典》第二百九十三条\n" + NEIGHBOUR_LIGHT.text())
                .endsWith(ReplyTexts.LAW_OFFER);
        assertThat(law.asked).containsExactly(Fixtures.UNKNOWN_QUESTION);
    }

    @Test
    void onlyArticlesAsCloseAsTheCalibratedThresholdAreShown() {
        double threshold = DialogSettings.defaults().lawCloseness();
        law.answers(new LawArticleMatch(NEIGHBOUR_WATER, 1.8, threshold + 0.01), new LawArticleMatch(NEIGHBOUR_LIGHT, 1.7, threshold - 0.01));

        Reply reply = say(Fixtures.UNKNOWN_QUESTION);

        assertThat(reply.citations()).containsExactly(NEIGHBOUR_WATER.reference());
        assertThat(reply.text()).doesNotContain(NEIGHBOUR_LIGHT.text());
    }

    @Test
    void articlesNotCloseEnoughLeaveTheHonestNoAnswer() {
        law.answers(new LawArticleMatch(NEIGHBOUR_WATER, 1.8, 0.6));

        Reply reply = say(Fixtures.UNKNOWN_QUESTION);

        assertThat(reply.kind()).isEqualTo(ReplyKind.NO_ANSWER);
        assertThat(reply.citations()).isEmpty();
    }

    @Test
    void articlesFoundByWordsAloneAreNeverShownForTheirScoreIsNotAConfidence() {
        law.answers(new LawArticleMatch(NEIGHBOUR_WATER, 9.0));

        assertThat(say(Fixtures.UNKNOWN_QUESTION).kind()).isEqualTo(ReplyKind.NO_ANSWER);
    }

    @Test
    void aConfidentEntryIsAnsweredAndTheLawIsNotSearched() {
        law.answers(new LawArticleMatch(NEIGHBOUR_WATER, 1.8, 0.95));

        assertThat(say(Fixtures.CLEAR_QUESTION).kind()).isEqualTo(ReplyKind.ANSWER);
        assertThat(law.asked).isEmpty();
    }

    @Test
    void theSecondMissInARowAlsoShowsCloseArticles() {
        law.answers(new LawArticleMatch(NEIGHBOUR_WATER, 1.8, 0.8));
        say(Fixtures.UNKNOWN_QUESTION);

        Reply second = say(Fixtures.UNKNOWN_QUESTION + "呢");

        assertThat(second.kind()).isEqualTo(ReplyKind.LAW);
        assertThat(second.text()).contains("回复“人工”转值班律师");
    }

    @Test
    void aFailingLawSearchLeavesTheNoAnswer() {
        law.failing = true;

        assertThat(say(Fixtures.UNKNOWN_QUESTION).kind()).isEqualTo(ReplyKind.NO_ANSWER);
    }

    @Test
    void withoutLawArticlesAMissIsANoAnswer() {
        engine = engine(Optional.empty());

        assertThat(say(Fixtures.UNKNOWN_QUESTION).kind()).isEqualTo(ReplyKind.NO_ANSWER);
    }

    private Reply say(String text) {
        clock.advance(Duration.ofSeconds(10));
        return engine.handle(new InboundMessage(citizen, "m" + ids.incrementAndGet(), text, clock.instant()));
    }

    private ConversationEngine engine(Optional<LawArticles> articles) {
        InMemoryConversationStore store = new InMemoryConversationStore(clock, Duration.ofHours(24), 100);
        return new ConversationEngine(Fixtures.knowledgeBase(), articles, store, new StoreTurns(store), event -> { },
                DialogSettings.defaults(), LegalAidSettings.defaults(), clock, Transcripts.NONE);
    }

    /** A law search that answers what the test scripts and remembers what it was asked. */
    private static final class ScriptedLawSearch implements LawArticles {
        private List<LawArticleMatch> matches = List.of();
        final List<String> asked = new ArrayList<>();
        volatile boolean failing;

        void answers(LawArticleMatch... scripted) {
            matches = List.of(scripted);
        }

        @Override
        public Optional<LawArticle> find(String id) {
            return matches.stream().map(LawArticleMatch::article).filter(a -> a.id().equals(id)).findFirst();
        }

        @Override
        public List<LawArticleMatch> search(String text, int limit) {
            if (failing) {
                throw new IllegalStateException("law index down");
            }
            asked.add(text);
            return matches.subList(0, Math.min(limit, matches.size()));
        }

        @Override
        public int size() {
            return matches.size();
        }
    }
}
