package org.lawline.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

/** 查看法条: the articles the last answer cited, in full, through the engine as channels drive it. */
class ShowArticlesTest {

    private static final String PROBATION_ARTICLE = "劳动合同期限三个月以上不满一年的，试用期不得超过一个月；"
            + "劳动合同期限一年以上不满三年的，试用期不得超过二个月。";
    private static final String DISMISSAL_ARTICLE = "劳动者有下列情形之一的，用人单位可以解除劳动合同：（一）在试用期间被证明不符合录用条件的；";
    private static final String CUSTODY_ARTICLE = "离婚后，不满两周岁的子女，以由母亲直接抚养为原则。";

    private final ChannelIdentity citizen = new ChannelIdentity(Channel.WECHAT, "gh_lawline", "oArticles12345");
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
    private final AtomicInteger ids = new AtomicInteger();
    private final ScriptedFaqSearch faqs = Fixtures.knowledgeBase();
    private final FakeLawArticles articles = new FakeLawArticles()
            .with("中华人民共和国劳动合同法", "第二十一条", PROBATION_ARTICLE)
            .with("中华人民共和国劳动合同法", "第三十九条", DISMISSAL_ARTICLE)
            .with("中华人民共和国民法典", "第一千零八十四条", CUSTODY_ARTICLE);
    private ConversationEngine engine = engine(Optional.of(articles));

    @Test
    void afterAnAnswer查看法条ShowsEachCitedArticleInFullUnderItsName() {
        say(Fixtures.CLEAR_QUESTION);

        Reply reply = say("查看法条");

        assertThat(reply.kind()).isEqualTo(ReplyKind.ARTICLES);
        assertThat(reply.state()).isEqualTo(DialogState.BOT);
        assertThat(reply.entryId()).contains(Fixtures.PROBATION.id());
        assertThat(reply.citations()).isEqualTo(Fixtures.PROBATION.lawRefs());
        assertThat(reply.text()).isEqualTo("《劳动合同法》第二十一条\n" + PROBATION_ARTICLE + "\n\n"
                + "《劳动合同法》第三十九条\n" + DISMISSAL_ARTICLE + "\n\n" + ReplyTexts.DISCLAIMER);
    }

    @Test
    void anAnswerCitingArticlesSaysHowToReadThemJustAboveTheDisclaimer() {
        String[] lines = say(Fixtures.CLEAR_QUESTION).text().split("\n");

        assertThat(lines[lines.length - 2]).isEqualTo("回复“查看法条”可查看条文原文。");
        assertThat(lines[lines.length - 1]).isEqualTo(ReplyTexts.DISCLAIMER);
    }

    @Test
    void beforeAnyAnswerItAsksForAQuestionFirst() {
        Reply reply = say("查看法条");

        assertThat(reply.kind()).isEqualTo(ReplyKind.ARTICLES);
        assertThat(reply.text()).isEqualTo("请先提问，我回答后回复“查看法条”即可看到所依据的法律条文原文。");
        assertThat(reply.entryId()).isEmpty();
        assertThat(reply.state()).isEqualTo(DialogState.BOT);
    }

    @Test
    void anArticleNotInTheStoreSaysWhereToReadIt() {
        articles.remove("中华人民共和国劳动合同法", "第三十九条");
        say(Fixtures.CLEAR_QUESTION);

        String text = say("看法条").text();

        assertThat(text).contains("《劳动合同法》第二十一条\n" + PROBATION_ARTICLE)
                .contains("《劳动合同法》第三十九条（原文可在国家法律法规数据库 https://flk.npc.gov.cn 查阅）")
                .doesNotContain("暂未收录")
                .endsWith(ReplyTexts.DISCLAIMER);
    }

    @Test
    void withoutLawArticlesItSaysTheyCannotBeShownAndNamesThem() {
        engine = engine(Optional.empty());
        say(Fixtures.CLEAR_QUESTION);

        Reply reply = say("法条原文");

        assertThat(reply.kind()).isEqualTo(ReplyKind.ARTICLES);
        assertThat(reply.text()).startsWith(ReplyTexts.ARTICLES_UNAVAILABLE)
                .contains("《劳动合同法》第二十一条；《劳动合同法》第三十九条");
    }

    @Test
    void aFailingArticleStoreIsAnsweredAsUnavailable() {
        articles.failing = true;
        say(Fixtures.CLEAR_QUESTION);

        assertThat(say("查看法条").text()).startsWith(ReplyTexts.ARTICLES_UNAVAILABLE);
    }

    @Test
    void theAnswerPickedFromChoicesIsTheOneWhoseArticlesAreShown() {
        say(Fixtures.CUSTODY_QUESTION);
        say(Fixtures.CLOSE_QUESTION);
        say("2");

        Reply reply = say("查看法条");

        assertThat(reply.entryId()).contains(Fixtures.SEVERANCE.id());
        assertThat(reply.text()).contains("《劳动合同法》第四十六条" + ReplyTexts.ARTICLE_NOT_COLLECTED).doesNotContain(CUSTODY_ARTICLE);
    }

    @Test
    void whileChoicesAreOfferedTheLastAnswersArticlesAreShownAndTheChoicesStayPickable() {
        say(Fixtures.CUSTODY_QUESTION);
        say(Fixtures.CLOSE_QUESTION);

        Reply shown = say("查看条文");

        assertThat(shown.state()).isEqualTo(DialogState.CLARIFYING);
        assertThat(shown.text()).contains("《民法典》第一千零八十四条\n" + CUSTODY_ARTICLE);
        Reply picked = say("1");
        assertThat(picked.kind()).isEqualTo(ReplyKind.ANSWER);
        assertThat(picked.entryId()).contains(Fixtures.WAGES.id());
    }

    @Test
    void whileQueuedTheArticlesAreShownAndTheCitizenStaysInTheQueue() {
        say("人工");
        say(Fixtures.CUSTODY_QUESTION);

        Reply reply = say("查看法条");

        assertThat(reply.state()).isEqualTo(DialogState.QUEUED);
        assertThat(reply.text()).contains(CUSTODY_ARTICLE).contains("您仍在排队等候值班律师");
        assertThat(engine.stateOf(citizen)).isEqualTo(DialogState.QUEUED);
    }

    @Test
    void anEntryRemovedSinceItAnsweredIsNotShown() {
        say(Fixtures.CLEAR_QUESTION);
        faqs.remove(Fixtures.PROBATION.id());

        Reply reply = say("查看法条");

        assertThat(reply.text()).isEqualTo(ReplyTexts.ENTRY_GONE);
        assertThat(reply.entryId()).isEmpty();
    }

    private Reply say(String text) {
        clock.advance(Duration.ofSeconds(10));
        return engine.handle(new InboundMessage(citizen, "m" + ids.incrementAndGet(), text, clock.instant()));
    }

    private ConversationEngine engine(Optional<LawArticles> lawArticles) {
        InMemoryConversationStore store = new InMemoryConversationStore(clock, Duration.ofHours(24), 100);
        return new ConversationEngine(faqs, lawArticles, store, new StoreTurns(store), event -> { },
                DialogSettings.defaults(), LegalAidSettings.defaults(), clock, Transcripts.NONE);
    }

    /** Articles kept in a map by id, as the knowledge base's store finds them; can be made to fail. */
    static final class FakeLawArticles implements LawArticles {
        private final Map<String, LawArticle> byId = new ConcurrentHashMap<>();
        volatile boolean failing;

        FakeLawArticles with(String law, String article, String text) {
            LawArticle stored = LawArticle.of(law, article, text, "", "");
            byId.put(stored.id(), stored);
            return this;
        }

        void remove(String law, String article) {
            byId.remove(LawArticle.of(law, article, "-", "", "").id());
        }

        @Override
        public Optional<LawArticle> find(String id) {
            if (failing) {
                throw new IllegalStateException("article store down");
            }
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public List<LawArticleMatch> search(String text, int limit) {
            return new ArrayList<>();
        }

        @Override
        public int size() {
            return byId.size();
        }
    }
}
