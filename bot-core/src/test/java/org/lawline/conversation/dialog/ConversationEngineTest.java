package org.lawline.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lawline.conversation.DialogState.BOT;
import static org.lawline.conversation.DialogState.CLARIFYING;
import static org.lawline.conversation.DialogState.QUEUED;
import static org.lawline.conversation.ReplyKind.ANSWER;
import static org.lawline.conversation.ReplyKind.CHOICES;
import static org.lawline.conversation.ReplyKind.EMERGENCY;
import static org.lawline.conversation.ReplyKind.GREETING;
import static org.lawline.conversation.ReplyKind.HANDOFF;
import static org.lawline.conversation.ReplyKind.NO_ANSWER;
import static org.lawline.conversation.ReplyKind.PROMPT;
import static org.lawline.conversation.ReplyKind.REFERRAL;
import static org.lawline.conversation.dialog.Fixtures.CLEAR_QUESTION;
import static org.lawline.conversation.dialog.Fixtures.CLOSE_QUESTION;
import static org.lawline.conversation.dialog.Fixtures.CUSTODY_QUESTION;
import static org.lawline.conversation.dialog.Fixtures.PROBATION;
import static org.lawline.conversation.dialog.Fixtures.SEVERANCE;
import static org.lawline.conversation.dialog.Fixtures.UNKNOWN_QUESTION;
import static org.lawline.conversation.dialog.Fixtures.WAGES;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lawline.conversation.Channel;
import org.lawline.conversation.CallbackNumberConfirmed;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.CitizenWroteToLawyer;
import org.lawline.conversation.ConsultationRated;
import org.lawline.conversation.ConversationClosed;
import org.lawline.conversation.ConversationEvent;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.ConversationSnapshot;
import org.lawline.conversation.ConversationStore;
import org.lawline.conversation.ConversationStoreUnavailable;
import org.lawline.conversation.DialogSettings;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.EscalationCancelled;
import org.lawline.conversation.EscalationRequested;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.Reply;
import org.lawline.conversation.ReplyComposed;
import org.lawline.conversation.ReplyKind;
import org.lawline.conversation.state.InMemoryConversationStore;
import org.springframework.context.ApplicationEventPublisher;

/** The dialog's transitions, driven through the engine as a channel would drive it. */
class ConversationEngineTest {

    private final ChannelIdentity citizen = new ChannelIdentity(Channel.WECHAT, "gh_lawline", "oUser1234567890");
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
    private final List<Object> published = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger messageIds = new AtomicInteger();

    private ScriptedFaqSearch faqs;
    private ConversationStore store;
    private ConversationEngine engine;

    @BeforeEach
    void startEngine() {
        faqs = Fixtures.knowledgeBase();
        store = new InMemoryConversationStore(clock, Duration.ofHours(24), 1000);
        engine = engineWith(store, published::add);
    }

    // ---- the transition table: state before, message, reply kind, state after ----

    static Stream<Arguments> transitions() {
        return Stream.of(
                row("BOT + clear question", List.of(), CLEAR_QUESTION, ANSWER, BOT),
                row("BOT + close matches", List.of(), CLOSE_QUESTION, CHOICES, CLARIFYING),
                row("CLARIFYING + 1", List.of(CLOSE_QUESTION), "1", ANSWER, BOT),
                row("CLARIFYING + 4 (not offered)", List.of(CLOSE_QUESTION), "4", CHOICES, CLARIFYING),
                row("CLARIFYING + new question", List.of(CLOSE_QUESTION), CUSTODY_QUESTION, ANSWER, BOT),
                row("CLARIFYING + 取消", List.of(CLOSE_QUESTION), "取消", GREETING, BOT),
                row("CLARIFYING + 人工", List.of(CLOSE_QUESTION), "人工", HANDOFF, QUEUED),
                row("BOT + 转人工", List.of(), "转人工", HANDOFF, QUEUED),
                row("QUEUED + 取消", List.of("转人工"), "取消", GREETING, BOT),
                row("QUEUED + clear question", List.of("转人工"), CLEAR_QUESTION, ANSWER, QUEUED),
                row("QUEUED + close matches", List.of("转人工"), CLOSE_QUESTION, CHOICES, QUEUED),
                row("QUEUED + close matches + 2", List.of("转人工", CLOSE_QUESTION), "2", ANSWER, QUEUED),
                row("QUEUED + 人工 again", List.of("转人工"), "人工", HANDOFF, QUEUED),
                row("QUEUED + unknown question", List.of("转人工"), UNKNOWN_QUESTION, NO_ANSWER, QUEUED),
                row("BOT + emergency", List.of(), "他正在打我", EMERGENCY, BOT),
                row("CLARIFYING + emergency", List.of(CLOSE_QUESTION), "救命啊，他拿刀砍我", EMERGENCY, BOT),
                row("QUEUED + emergency", List.of("人工"), "家里着火了", EMERGENCY, QUEUED),
                row("BOT + greeting", List.of(), "你好", GREETING, BOT),
                row("BOT + thanks", List.of(CLEAR_QUESTION), "谢谢", GREETING, BOT),
                row("BOT + other hotline", List.of(), "小区路灯坏了没人修", REFERRAL, BOT),
                row("BOT + unknown question", List.of(), UNKNOWN_QUESTION, NO_ANSWER, BOT),
                row("BOT + only emoji", List.of(), "😭😭🙏", NO_ANSWER, BOT),
                row("BOT + a number with nothing offered", List.of(), "1", NO_ANSWER, BOT),
                row("BOT + 取消 with nothing to cancel", List.of(), "取消", GREETING, BOT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transitions")
    void followsTheTransitionTable(String name, List<String> before, String message, ReplyKind kind, DialogState after) {
        before.forEach(this::say);

        Reply reply = say(message);

        assertThat(reply.kind()).as("reply kind").isEqualTo(kind);
        assertThat(reply.state()).as("state in the reply").isEqualTo(after);
        assertThat(engine.stateOf(citizen)).as("saved state").isEqualTo(after);
        assertThat(reply.text()).isNotBlank();
    }

    // ---- answers and choices ----

    @Test
    void answersAClearQuestionFromTheBestEntry() {
        Reply reply = say(CLEAR_QUESTION);

        assertThat(reply).isInstanceOf(Reply.Answer.class);
        assertThat(reply.entryId()).contains(Fixtures.PROBATION.id());
        assertThat(reply.score()).hasValue(12.0);
        assertThat(reply.citations()).isEqualTo(Fixtures.PROBATION.lawRefs());
        assertThat(reply.text()).startsWith(Fixtures.PROBATION.answer());
    }

    @Test
    void offersCloseMatchesAsNumberedChoicesAndRemembersThem() {
        Reply reply = say(CLOSE_QUESTION);

        assertThat(reply).isInstanceOf(Reply.Choices.class);
        List<Reply.Choice> choices = ((Reply.Choices) reply).choices();
        assertThat(choices).extracting(Reply.Choice::number).containsExactly(1, 2, 3);
        assertThat(choices).extracting(Reply.Choice::entryId)
                .containsExactly(Fixtures.WAGES.id(), Fixtures.SEVERANCE.id(), Fixtures.OVERTIME.id());
        assertThat(reply.text()).startsWith("您想问的是哪一个？回复数字即可：\n1. " + Fixtures.WAGES.question() + "\n2. ");
        assertThat(store.load(citizen)).get().extracting(ConversationSnapshot::offeredEntryIds)
                .isEqualTo(List.of(Fixtures.WAGES.id(), Fixtures.SEVERANCE.id(), Fixtures.OVERTIME.id()));
    }

    @ParameterizedTest(name = "\"{0}\" picks the first choice")
    @ValueSource(strings = {"1", "１", "第一个", "1.", " 1 ", "选1", "一"})
    void aPickOfOneAnswersTheFirstChoice(String pick) {
        say(CLOSE_QUESTION);

        Reply reply = say(pick);

        assertThat(reply.kind()).isEqualTo(ANSWER);
        assertThat(reply.entryId()).contains(Fixtures.WAGES.id());
        assertThat(reply.score()).hasValue(8.0);
        assertThat(store.load(citizen)).get().extracting(ConversationSnapshot::hasOffers).isEqualTo(false);
    }

    @ParameterizedTest(name = "\"{0}\" picks the second choice")
    @ValueSource(strings = {"2", "选2", "第2个", "第二个", "２"})
    void aPickOfTwoAnswersTheSecondChoice(String pick) {
        say(CLOSE_QUESTION);

        assertThat(say(pick).entryId()).contains(Fixtures.SEVERANCE.id());
    }

    @Test
    void aNumberNotOfferedShowsTheChoicesAgain() {
        say(CLOSE_QUESTION);

        Reply reply = say("4");

        assertThat(reply).isInstanceOf(Reply.Choices.class);
        assertThat(reply.text()).startsWith("没有第4项。您想问的是哪一个？");
        assertThat(say("3").entryId()).contains(Fixtures.OVERTIME.id());
    }

    @Test
    void anyOtherTextWhileChoosingIsANewQuestion() {
        say(CLOSE_QUESTION);

        Reply reply = say(CUSTODY_QUESTION);

        assertThat(reply.entryId()).contains(Fixtures.CUSTODY.id());
        assertThat(faqs.searched()).containsExactly(CLOSE_QUESTION, CUSTODY_QUESTION);
        assertThat(say("1").kind()).as("the old choices are gone").isEqualTo(NO_ANSWER);
    }

    @Test
    void choicesCanNoLongerBePickedOnceTheyExpire() {
        say(CLOSE_QUESTION);
        clock.advance(DialogSettings.defaults().choicesExpireAfter().plusSeconds(1));

        assertThat(engine.stateOf(citizen)).isEqualTo(BOT);
        assertThat(say("1").kind()).isEqualTo(NO_ANSWER);
    }

    @Test
    void aChoiceWhoseEntryWasRemovedMeanwhileAsksToRephrase() {
        say(CLOSE_QUESTION);
        faqs.remove(Fixtures.WAGES.id());

        Reply reply = say("1");

        assertThat(reply.kind()).isEqualTo(NO_ANSWER);
        assertThat(reply.state()).isEqualTo(BOT);
    }

    // ---- misses ----

    @Test
    void theSecondMissInARowOffersAPerson() {
        Reply first = say(UNKNOWN_QUESTION);
        Reply second = say(UNKNOWN_QUESTION + "？");

        assertThat(first.text()).startsWith("抱歉，我还不能确定怎么回答").doesNotContain("马上为您转接");
        assertThat(second.kind()).isEqualTo(NO_ANSWER);
        assertThat(second.text()).contains("回复“人工”，我马上为您转接值班律师");
        assertThat(second.state()).as("offered, not queued").isEqualTo(BOT);
        assertThat(published).noneMatch(EscalationRequested.class::isInstance);
    }

    @Test
    void anAnswerBetweenTwoMissesStartsTheCountAgain() {
        say(UNKNOWN_QUESTION);
        say(CLEAR_QUESTION);

        assertThat(say(UNKNOWN_QUESTION).text()).doesNotContain("马上为您转接");
    }

    @Test
    void textWithoutWordsAsksForWordsAndIsNotSearched() {
        Reply reply = say("👍👍？！");

        assertThat(reply.kind()).isEqualTo(NO_ANSWER);
        assertThat(reply.text()).contains("请用文字描述");
        assertThat(faqs.searched()).isEmpty();
    }

    // ---- routing before search ----

    @Test
    void anEmergencyIsAnsweredBeforeAnythingIsSearched() {
        Reply reply = say("我老公正在打我，我流了很多血");

        assertThat(reply).isInstanceOf(Reply.Emergency.class);
        assertThat(((Reply.Emergency) reply).number()).isEqualTo("110");
        assertThat(reply.text()).contains("\n110（报警）").contains("\n120（急救）").doesNotContain("119");
        assertThat(faqs.searched()).isEmpty();
    }

    @Test
    void anEmergencyIsAnsweredEvenWhileALawyerHoldsTheChat() {
        store.save(citizen, new ConversationSnapshot(DialogState.WITH_LAWYER, List.of(), 0, clock.instant()));

        Reply reply = say("失火了");

        assertThat(reply.kind()).isEqualTo(EMERGENCY);
        assertThat(reply.state()).isEqualTo(DialogState.WITH_LAWYER);
        assertThat(published).hasSize(2);
        assertThat(published.get(0)).isInstanceOf(ReplyComposed.class);
        assertThat(published.get(1)).as("the lawyer sees it too").isInstanceOf(CitizenWroteToLawyer.class);
    }

    @Test
    void aReferralNamesTheHotline() {
        Reply reply = say("社保卡丢了怎么补办");

        assertThat(reply).isInstanceOf(Reply.Referral.class);
        assertThat(((Reply.Referral) reply).hotline()).isEqualTo("12333");
        assertThat(faqs.searched()).isEmpty();
    }

    @Test
    void aGreetingSaysWhatLawLineCanDo() {
        Reply reply = say("您好！");

        assertThat(reply.text()).contains("劳动、婚姻家庭、交通事故、借贷、消费、租房、法律援助").contains("回复“人工”");
        assertThat(faqs.searched()).isEmpty();
    }

    // ---- danger told in hindsight ----

    @Test
    void aQuestionAboutAFireThatIsOverIsAnsweredNotSentTo119() {
        String question = "上个月仓库着过一次火 货全烧了 房东该不该赔";
        faqs.when(question, WAGES.id(), 10.0, 0.85);

        Reply reply = say(question);

        assertThat(reply.kind()).isEqualTo(ANSWER);
        assertThat(reply.text()).doesNotContain("119").doesNotContain("12356");
    }

    @Test
    void aQuestionThatTellsOfSelfHarmInHindsightIsAnsweredAndClosesWithTheCrisisLine() {
        String question = "公司说我之前自杀未遂 要开除我 这合法吗";
        faqs.when(question, PROBATION.id(), 10.0, 0.85);

        Reply answered = say(question);

        assertThat(answered.kind()).isEqualTo(ANSWER);
        assertThat(answered.entryId()).contains(PROBATION.id());
        assertThat(answered.text()).startsWith(PROBATION.answer().substring(0, 10)).endsWith("有专业的人听您说")
                .contains("如果您或身边的人有轻生的念头，可以拨打12356");
    }

    @Test
    void askingWhereABenefitIsClaimedIsAnsweredAndClosesWith12333() {
        String question = "公司倒闭了 失业金去哪领 要带什么材料";
        faqs.when(question, SEVERANCE.id(), 10.0, 0.85);

        Reply answered = say(question);

        assertThat(answered.kind()).isEqualTo(ANSWER);
        assertThat(answered.entryId()).contains(SEVERANCE.id());
        assertThat(answered.text()).startsWith(SEVERANCE.answer().substring(0, 10)).endsWith(Hotline.SOCIAL_SECURITY.line())
                .doesNotContain("轻生");
    }

    @Test
    void theCrisisLineClosesChoicesAndNoAnswerToo() {
        String vague = "以前割过腕 单位知道了要辞退我 能这样吗";
        faqs.when(vague, WAGES.id(), 8.0, 0.8, SEVERANCE.id(), 7.9, 0.79);

        assertThat(say(vague)).satisfies(reply -> {
            assertThat(reply.kind()).isEqualTo(CHOICES);
            assertThat(reply.text()).contains("12356");
        });
        assertThat(say("去年我媳妇喝农药走了 娘家人要我赔钱 我要赔吗")).satisfies(reply -> {
            assertThat(reply.kind()).isEqualTo(NO_ANSWER);
            assertThat(reply.text()).contains("12356");
        });
    }

    // ---- handoff and events ----

    @Test
    void everyReplyIsPublishedInReplyToItsMessage() {
        Reply reply = engine.handle(new InboundMessage(citizen, "msg-42", CLEAR_QUESTION, clock.instant()));

        assertThat(published).singleElement().isInstanceOfSatisfying(ReplyComposed.class, composed -> {
            assertThat(composed.to()).isEqualTo(citizen);
            assertThat(composed.inReplyTo()).contains("msg-42");
            assertThat(composed.reply()).isSameAs(reply);
            assertThat(composed.composedAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    void askingForAPersonQueuesTheChatAndRequestsAnEscalation() {
        Reply reply = say("转人工");

        assertThat(reply).isInstanceOf(Reply.Handoff.class);
        assertThat(reply.text()).startsWith("已为您转接值班律师，请稍候。值班律师接入前，您仍可继续向我提问；回复“取消”可退出排队。")
                .contains("预计等候约3分钟");
        assertThat(published).hasSize(2);
        assertThat(published.get(0)).isInstanceOf(ReplyComposed.class);
        EscalationRequested requested = (EscalationRequested) published.get(1);
        assertThat(requested).isEqualTo(new EscalationRequested(requested.id(), conversationOf(citizen), citizen,
                EscalationRequested.Reason.ASKED_FOR_PERSON, clock.instant()));
    }

    @Test
    void askingAgainWhileQueuedDoesNotQueueTwice() {
        say("人工");
        published.clear();

        Reply reply = say("我要找人工");

        assertThat(reply.text()).startsWith("您已在排队");
        assertThat(published).singleElement().isInstanceOf(ReplyComposed.class);
    }

    @Test
    void cancellingWhileQueuedConfirmsBriefly_andTellsTheQueue() {
        say("人工");
        published.clear();

        Reply reply = say("取消");

        assertThat(reply.text()).startsWith("已为您取消排队");
        assertThat(published).hasSize(2);
        assertThat(published.get(0)).isInstanceOf(ReplyComposed.class);
        EscalationCancelled cancelled = (EscalationCancelled) published.get(1);
        assertThat(cancelled).isEqualTo(new EscalationCancelled(cancelled.id(), conversationOf(citizen), citizen, clock.instant()));
        assertThat(published).noneMatch(EscalationRequested.class::isInstance);
    }

    @Test
    void theBotStillAnswersWhileQueued_withoutAnotherEscalation() {
        say("人工");
        published.clear();

        Reply reply = say(CLEAR_QUESTION);

        assertThat(reply.kind()).isEqualTo(ANSWER);
        assertThat(reply.state()).isEqualTo(QUEUED);
        assertThat(published).singleElement().isInstanceOf(ReplyComposed.class);
    }

    @Test
    void theBotIsSilentWhileALawyerHoldsTheChat_andTheLawyerGetsTheMessage() {
        say("人工");
        engine.lawyerClaimed(citizen, "lawyer-7");
        published.clear();

        Reply reply = engine.handle(new InboundMessage(citizen, "m-for-lawyer", CLEAR_QUESTION, clock.instant()));

        assertThat(reply).isEqualTo(new Reply.Relayed(DialogState.WITH_LAWYER));
        assertThat(reply.text()).isEmpty();
        CitizenWroteToLawyer wrote = (CitizenWroteToLawyer) published.get(0);
        assertThat(published).containsExactly(new CitizenWroteToLawyer(wrote.id(), conversationOf(citizen), citizen, "m-for-lawyer",
                "lawyer-7", CLEAR_QUESTION, clock.instant()));
        assertThat(faqs.searched()).isEmpty();
    }

    @Test
    void aClosedConversationStartsAgainWithTheBot() {
        store.save(citizen, new ConversationSnapshot(DialogState.CLOSED, List.of(), 0, clock.instant()));

        Reply reply = say(CLEAR_QUESTION);

        assertThat(reply.kind()).isEqualTo(ANSWER);
        assertThat(reply.state()).isEqualTo(BOT);
    }

    @Test
    void everyEventOfAConsultationNamesIt_andEachEventHasAnIdOfItsOwn() {
        say(CLEAR_QUESTION);
        say("人工");
        engine.lawyerClaimed(citizen, "lawyer-7");
        say(CLEAR_QUESTION);
        engine.lawyerClosed(citizen);

        List<ConversationEvent> events = published.stream().map(ConversationEvent.class::cast).toList();
        assertThat(events).extracting(ConversationEvent::conversation).containsOnly(events.get(0).conversation());
        assertThat(events).extracting(ConversationEvent::id).doesNotHaveDuplicates();
        assertThat(events).extracting(Object::getClass).contains(EscalationRequested.class, CitizenWroteToLawyer.class,
                ConversationClosed.class);
    }

    @Test
    void aCitizenWritingAfterTheClose_startsANewConsultation() {
        say("人工");
        ConversationId first = conversationOf(citizen);
        engine.lawyerClaimed(citizen, "lawyer-7");
        engine.lawyerClosed(citizen);
        assertThat(conversationOf(citizen)).as("the close belongs to the consultation it closes").isEqualTo(first);
        published.clear();

        say(CLEAR_QUESTION);

        assertThat(conversationOf(citizen)).isNotEqualTo(first);
        assertThat(published).singleElement().isInstanceOfSatisfying(ReplyComposed.class,
                composed -> assertThat(composed.conversation()).isEqualTo(conversationOf(citizen)));
    }

    @Test
    void theClosingMessageAsksForARating_andTheCitizensRatingNamesTheClosedConsultation() {
        say("人工");
        ConversationId closed = conversationOf(citizen);
        engine.lawyerClaimed(citizen, "lawyer-7");
        assertThat(engine.lawyerClosed(citizen)).get().extracting(Reply::text).asString().contains("回复“满意”或“不满意”");
        published.clear();

        Reply thanks = say("不满意！");

        assertThat(thanks.text()).contains("感谢您的评价");
        assertThat(thanks.state()).isEqualTo(BOT);
        assertThat(published).filteredOn(ConsultationRated.class::isInstance).singleElement().isInstanceOfSatisfying(
                ConsultationRated.class, rated -> {
                    assertThat(rated.conversation()).isEqualTo(closed);
                    assertThat(rated.rating()).isEqualTo(ConsultationRated.Rating.DISSATISFIED);
                });
        assertThat(conversationOf(citizen)).as("the citizen is back with the bot in a new consultation").isNotEqualTo(closed);
        published.clear();

        say("满意");
        assertThat(published).as("only the message right after the close is a rating").noneMatch(ConsultationRated.class::isInstance);
    }

    @Test
    void aQuestionAfterTheCloseIsAnsweredNotTakenForARating() {
        say("人工");
        engine.lawyerClaimed(citizen, "lawyer-7");
        engine.lawyerClosed(citizen);
        published.clear();

        Reply reply = say(CLEAR_QUESTION);

        assertThat(reply.kind()).isEqualTo(ANSWER);
        assertThat(published).noneMatch(ConsultationRated.class::isInstance);
    }

    @Test
    void aConsultationGoesOnWhileTheCitizenKeepsWriting() {
        say(CLEAR_QUESTION);
        ConversationId first = conversationOf(citizen);
        clock.advance(Duration.ofMinutes(29));

        say(CUSTODY_QUESTION);

        assertThat(conversationOf(citizen)).isEqualTo(first);
    }

    @Test
    void aCitizenWritingAfterAnIdlePauseWithTheBot_startsANewConsultation() {
        say(CLEAR_QUESTION);
        ConversationId first = conversationOf(citizen);
        clock.advance(Duration.ofMinutes(31));

        say(CUSTODY_QUESTION);

        assertThat(conversationOf(citizen)).isNotEqualTo(first);
    }

    @Test
    void aConsultationALawyerHoldsOutlivesAnIdlePause() {
        say("人工");
        engine.lawyerClaimed(citizen, "lawyer-7");
        ConversationId held = conversationOf(citizen);
        clock.advance(Duration.ofHours(2));

        say(CLEAR_QUESTION);

        assertThat(conversationOf(citizen)).isEqualTo(held);
    }

    @Test
    void conversationsAreKeptApartByIdentity() {
        ChannelIdentity sameIdOnSms = new ChannelIdentity(Channel.SMS, "gh_lawline", citizen.citizenId());
        say("人工");

        Reply other = engine.handle(new InboundMessage(sameIdOnSms, "sms-1", CLEAR_QUESTION, clock.instant()));

        assertThat(other.state()).isEqualTo(BOT);
        assertThat(engine.stateOf(citizen)).isEqualTo(QUEUED);
    }

    private ConversationId conversationOf(ChannelIdentity who) {
        return store.load(who).orElseThrow().conversation();
    }

    @Test
    void stateOfAStrangerIsBot() {
        assertThat(engine.stateOf(new ChannelIdentity(Channel.WEIBO, "lawline", "5551234"))).isEqualTo(BOT);
    }

    // ---- failures around the engine ----

    @Test
    void anUnreachableStoreStillGetsTheCitizenAnAnswer() {
        ConversationStore down = new ConversationStore() {
            @Override public Optional<ConversationSnapshot> load(ChannelIdentity c) { throw unavailable(); }
            @Override public void save(ChannelIdentity c, ConversationSnapshot s) { throw unavailable(); }
            @Override public void delete(ChannelIdentity c) { throw unavailable(); }
        };
        engine = engineWith(down, published::add);

        Reply reply = say(CLEAR_QUESTION);

        assertThat(reply.kind()).isEqualTo(ANSWER);
        assertThat(published).hasSize(1);
    }

    @Test
    void withoutStateCloseMatchesAreAnsweredByTheBest_andTheOthersSuggestedInWords() {
        engine = engineWith(unreachableStore(), published::add);

        Reply reply = say(CLOSE_QUESTION);

        assertThat(reply.kind()).isEqualTo(ANSWER);
        assertThat(reply.state()).isEqualTo(BOT);
        assertThat(reply.entryId()).contains(Fixtures.WAGES.id());
        assertThat(reply.text()).startsWith(Fixtures.WAGES.answer())
                .endsWith("您也可以问：\n· " + Fixtures.SEVERANCE.question() + "\n· " + Fixtures.OVERTIME.question())
                .doesNotContain("回复数字");
        assertThat(say("1").text()).as("no number was offered that the lost state would have to remember")
                .doesNotContain(Fixtures.WAGES.answer());
    }

    @Test
    void withoutStateASuggestedQuestionSentInWordsIsAnswered() {
        engine = engineWith(unreachableStore(), published::add);
        faqs.when(Fixtures.SEVERANCE.question(), Fixtures.SEVERANCE.id(), 11.0, 0.9);

        Reply reply = say(Fixtures.SEVERANCE.question());

        assertThat(reply.kind()).isEqualTo(ANSWER);
        assertThat(reply.entryId()).contains(Fixtures.SEVERANCE.id());
    }

    @Test
    void anOfferedQuestionSentWordForWordPicksIt_asTheWebPagesButtonsSendIt() {
        say(CLOSE_QUESTION);

        Reply reply = say(Fixtures.OVERTIME.question());

        assertThat(reply.kind()).isEqualTo(ANSWER);
        assertThat(reply.entryId()).contains(Fixtures.OVERTIME.id());
        assertThat(faqs.searched()).as("the pick is not searched again").containsExactly(CLOSE_QUESTION);
        assertThat(engine.stateOf(citizen)).isEqualTo(BOT);
    }

    @Test
    void withoutStateAMobileNumberGoesToHandoffAsTheCallbackNumber_notToTheSearch() {
        engine = engineWith(unreachableStore(), published::add);

        Reply reply = say("138 0013 8000");

        assertThat(reply.kind()).isEqualTo(PROMPT);
        assertThat(reply.text()).contains("138****8000").doesNotContain("13800138000").doesNotContain("没能看懂");
        assertThat(published).filteredOn(CallbackNumberConfirmed.class::isInstance).singleElement()
                .satisfies(event -> {
                    CallbackNumberConfirmed confirmed = (CallbackNumberConfirmed) event;
                    assertThat(confirmed.phone().digits()).isEqualTo("13800138000");
                    assertThat(confirmed.citizen()).isEqualTo(citizen);
                });
        assertThat(faqs.searched()).isEmpty();
    }

    @Test
    void withStateAMobileNumberOutsideTheCallbackQuestionIsNoCallbackNumber() {
        say("138 0013 8000");

        assertThat(published).noneMatch(CallbackNumberConfirmed.class::isInstance);
    }

    @Test
    void aFailingSearchIsANoAnswer_notAnException() {
        faqs.otherwise(text -> {
            throw new IllegalStateException("index closed");
        });

        Reply reply = say("劳务派遣工伤谁负责");

        assertThat(reply.kind()).isEqualTo(NO_ANSWER);
        assertThat(reply.text()).contains("人工");
    }

    @Test
    void aFailingListenerDoesNotChangeTheReplyOrTheState() {
        engine = engineWith(store, event -> {
            throw new IllegalStateException("channel down");
        });

        Reply reply = say("人工");

        assertThat(reply.kind()).isEqualTo(HANDOFF);
        assertThat(engine.stateOf(citizen)).isEqualTo(QUEUED);
    }

    @Test
    void aVeryLongMessageIsSearchedByItsBeginningOnly() {
        say("劳动".repeat(5000));

        assertThat(faqs.searched()).singleElement().satisfies(text ->
                assertThat(text).hasSize(DialogSettings.defaults().maxQuestionLength()));
    }

    @Test
    void messagesOfOneConversationAreHandledOneAtATime() throws Exception {
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        say(UNKNOWN_QUESTION);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        // every miss was counted: no two turns read the same saved state
        assertThat(store.load(citizen)).get().extracting(ConversationSnapshot::consecutiveMisses).isEqualTo(threads * perThread);
        assertThat(published).hasSize(threads * perThread);
    }

    private Reply say(String text) {
        return engine.handle(new InboundMessage(citizen, "m" + messageIds.incrementAndGet(), text, clock.instant()));
    }

    private ConversationEngine engineWith(ConversationStore conversationStore, ApplicationEventPublisher events) {
        return new ConversationEngine(faqs, conversationStore, events, DialogSettings.defaults(), clock);
    }

    private static ConversationStore unreachableStore() {
        return new ConversationStore() {
            @Override public Optional<ConversationSnapshot> load(ChannelIdentity c) { throw unavailable(); }
            @Override public void save(ChannelIdentity c, ConversationSnapshot s) { throw unavailable(); }
            @Override public void delete(ChannelIdentity c) { throw unavailable(); }
        };
    }

    private static ConversationStoreUnavailable unavailable() {
        return new ConversationStoreUnavailable("Redis load failed: RedisConnectionException", null);
    }

    private static Arguments row(String name, List<String> before, String message, ReplyKind kind, DialogState after) {
        return Arguments.of(name, before, message, kind, after);
    }
}
