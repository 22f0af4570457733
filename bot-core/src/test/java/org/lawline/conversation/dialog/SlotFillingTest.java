package org.lawline.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lawline.conversation.CallbackNumberConfirmed;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ConversationEvent;
import org.lawline.conversation.ConversationId;
import org.lawline.conversation.EventId;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.DialogSettings;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.LegalAidSettings;
import org.lawline.conversation.MobileNumber;
import org.lawline.conversation.Reply;
import org.lawline.conversation.ReplyKind;
import org.lawline.conversation.state.InMemoryConversationStore;
import org.lawline.conversation.state.StoreTurns;
import org.lawline.conversation.transcript.Transcripts;

/** The legal-aid pre-check and the callback number, with the inputs citizens really type. */
class SlotFillingTest {

    private final ChannelIdentity citizen = new ChannelIdentity(Channel.WECHAT, "gh_lawline", "oSlots12345678");
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
    private final List<Object> published = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private ConversationEngine engine = engine(LegalAidSettings.defaults());

    // ---- the legal-aid pre-check ----

    @Test
    void threeAnswersGiveAnEstimateWithTheLawAndHowToApply() {
        assertThat(say("我能申请法律援助吗").text()).contains("3个问题").contains("第1个问题").contains("本市");
        assertThat(say("是").text()).startsWith("第2个问题");
        assertThat(say("1800").text()).startsWith("第3个问题").contains("1. 讨要工资");

        Reply reply = say("1");

        assertThat(reply).isInstanceOfSatisfying(Reply.Assessment.class, assessment -> assertThat(assessment.likelyEligible()).isTrue());
        assertThat(reply.state()).isEqualTo(DialogState.BOT);
        assertThat(reply.text()).startsWith("初步判断：您很可能符合法律援助条件。")
                .contains("每人每月1800元").contains("2500元")
                .contains("申请方法").contains("12348")
                .contains("《法律援助法》第三十一条")
                .endsWith("以上仅为初步判断，是否给予法律援助由法律援助机构审查决定。");
    }

    @Test
    void anIncomeAboveTheLocalStandardIsLikelyNotEligible_andSaysWhatIsExempt() {
        say("法律援助的条件是什么");
        say("是");
        say("3000");

        Reply reply = say("2");

        assertThat(reply).isInstanceOfSatisfying(Reply.Assessment.class, assessment -> assertThat(assessment.likelyEligible()).isFalse());
        assertThat(reply.text()).contains("高于本市的经济困难标准").contains("家庭暴力");
    }

    @Test
    void theRegionAndTheStandardAreSettings() {
        engine = engine(new LegalAidSettings("杭州市", 3200, "到杭州市法律援助中心申请。"));

        assertThat(say("我能申请法律援助吗").text()).contains("在杭州市吗");
        say("是");
        say("3000");
        Reply reply = say("1");

        assertThat(((Reply.Assessment) reply).likelyEligible()).isTrue();
        assertThat(reply.text()).contains("3200元").contains("到杭州市法律援助中心申请。");
    }

    @Test
    void someoneLivingElsewhereIsToldWhereToApply() {
        say("我能申请法律援助吗");
        say("不是");
        say("1000");

        Reply reply = say("1");

        assertThat(((Reply.Assessment) reply).likelyEligible()).isFalse();
        assertThat(reply.text()).contains("您不在本市居住");
    }

    @ParameterizedTest(name = "income \"{0}\" is asked again: {1}")
    @CsvSource(delimiter = '|', value = {
            "abc | 请只回复数字",
            "1e5 | 请只回复数字",
            "一千八 | 没能看懂这个金额",
            "-500 | 这个金额看起来不对",
            "99999999 | 这个金额看起来不对",
            "2000000 | 这个金额看起来不对",
            "200万 | 这个金额看起来不对",
            "？？ | 没能看懂这个金额"})
    void anIncomeThatIsNotAnAmountOrOutOfRangeIsAskedAgain(String income, String hint) {
        say("我能申请法律援助吗");
        say("是");

        Reply reply = say(income);

        assertThat(reply.kind()).isEqualTo(ReplyKind.PROMPT);
        assertThat(reply.state()).isEqualTo(DialogState.CHECKING_ELIGIBILITY);
        assertThat(reply.text()).startsWith(hint.strip()).contains("第2个问题");
        assertThat(say("1800").text()).as("a good answer still moves on").startsWith("第3个问题");
    }

    @ParameterizedTest(name = "\"{0}\" is 1800 yuan")
    @ValueSource(strings = {"1800", "1800元", "1,800", "大概1800块", "每月1800元左右", "1.8千", "0.18万", "１８００", " 1800 "})
    void incomesAreReadAsCitizensWriteThem(String income) {
        say("我能申请法律援助吗");
        say("是");
        say(income);

        assertThat(((Reply.Assessment) say("1")).text()).contains("每人每月1800元");
    }

    @Test
    void anAnswerThatIsNeitherYesNorNoAndAMatterNotOnTheListAreAskedAgain() {
        say("我能申请法律援助吗");
        assertThat(say("也许吧").text()).startsWith("请回复“是”或“否”。").contains("第1个问题");
        say("对");
        say("0");
        assertThat(say("9").text()).startsWith("请回复1到5之间的数字。").contains("第3个问题");
        assertThat(say("第2类").kind()).isEqualTo(ReplyKind.ASSESSMENT);
    }

    @Test
    void cancellingThePreCheckReturnsToTheBot() {
        say("我能申请法律援助吗");
        say("是");

        Reply reply = say("取消");

        assertThat(reply.state()).isEqualTo(DialogState.BOT);
        assertThat(say(Fixtures.CLEAR_QUESTION).kind()).isEqualTo(ReplyKind.ANSWER);
    }

    // ---- the callback number ----

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '|', value = {
            "abc | 手机号码里只能有数字",
            "138abc38000 | 手机号码里只能有数字",
            "1380013800a | 手机号码里只能有数字",
            "138001380 | 手机号码是11位数字",
            "138001380001 | 手机号码是11位数字",
            "12345678901 | 这不是有效的中国大陆手机号码",
            "10086000000 | 这不是有效的中国大陆手机号码"})
    void whatIsNotAMobileNumberIsAskedForAgain_sayingWhy(String typed, String hint) {
        waitForCallback();

        Reply reply = say(typed);

        assertThat(reply.kind()).isEqualTo(ReplyKind.PROMPT);
        assertThat(reply.state()).isEqualTo(DialogState.COLLECTING_PHONE);
        assertThat(reply.text()).startsWith(hint.strip());
    }

    @ParameterizedTest(name = "\"{0}\" is read back masked")
    @ValueSource(strings = {"13800138000", "138 0013 8000", "138-0013-8000", "+86 138 0013 8000", "8613800138000", "１３８００１３８０００"})
    void aMobileNumberIsReadBackMaskedToConfirm(String typed) {
        waitForCallback();

        Reply reply = say(typed);

        assertThat(reply.kind()).isEqualTo(ReplyKind.PROMPT);
        assertThat(reply.text()).contains("138****8000").doesNotContain("13800138000").contains("回复“是”确认");
    }

    @Test
    void aConfirmedNumberSchedulesTheCallbackAndTellsHandoff() {
        waitForCallback();
        say("13800138000");
        published.clear();

        Reply reply = say("是的");

        assertThat(reply.state()).isEqualTo(DialogState.CALLBACK);
        assertThat(reply.text()).contains("12348").contains("2小时内").contains("138****8000").doesNotContain("13800138000");
        List<CallbackNumberConfirmed> confirmations = published.stream().filter(CallbackNumberConfirmed.class::isInstance)
                .map(CallbackNumberConfirmed.class::cast).toList();
        assertThat(confirmations).hasSize(1);
        CallbackNumberConfirmed confirmed = confirmations.get(0);
        assertThat(confirmed).isEqualTo(new CallbackNumberConfirmed(confirmed.id(), ((ConversationEvent) published.get(0)).conversation(),
                citizen, new MobileNumber("13800138000"), clock.instant()));
        assertThat(say("人工").text()).as("asking again reminds of the callback").contains("138****8000");
    }

    @Test
    void aWrongReadBackIsCorrectedByTypingTheNumberAgain() {
        waitForCallback();
        say("13800138000");

        assertThat(say("不对").text()).startsWith("好的，请重新回复");
        assertThat(say("是").text()).as("nothing to confirm now").contains("请留下11位手机号码");
        assertThat(say("13912345678").text()).contains("139****5678");
        say("对");

        assertThat(published).filteredOn(CallbackNumberConfirmed.class::isInstance).singleElement()
                .extracting(event -> ((CallbackNumberConfirmed) event).phone().digits()).isEqualTo("13912345678");
    }

    @Test
    void aPhoneNumberNeverAppearsInAnEventsDescription() {
        CallbackNumberConfirmed event = new CallbackNumberConfirmed(EventId.next(), ConversationId.next(), citizen,
                new MobileNumber("13800138000"), clock.instant());

        assertThat(event.toString()).contains("138****8000").doesNotContain("13800138000");
    }

    private void waitForCallback() {
        say("人工");
        clock.advance(Duration.ofMinutes(3));
        engine.pickupTimedOut(citizen);
    }

    private Reply say(String text) {
        clock.advance(Duration.ofSeconds(10));
        return engine.handle(new InboundMessage(citizen, "m" + ids.incrementAndGet(), text, clock.instant()));
    }

    private ConversationEngine engine(LegalAidSettings legalAid) {
        InMemoryConversationStore store = new InMemoryConversationStore(clock, Duration.ofHours(24), 100);
        return new ConversationEngine(Fixtures.knowledgeBase(), store, new StoreTurns(store), published::add,
                DialogSettings.defaults(), legalAid, clock, Transcripts.NONE);
    }
}
