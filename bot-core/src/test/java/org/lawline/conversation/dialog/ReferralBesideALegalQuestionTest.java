package org.lawline.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.DialogState;
import org.lawline.knowledge.FaqMatch;
import org.lawline.knowledge.LabelProbabilities;

/**
 * A referral the recogniser is unsure of gives way to the knowledge base's choices when the
 * citizen asks the law in so many words ("法律上真是这样吗", "他们真能告赢吗"): the hotline does not
 * say what the law is. The classifier is stood in for.
 */
class ReferralBesideALegalQuestionTest {

    private static final SearchVerdict CLEAR = new SearchVerdict.Clear(new FaqMatch(Fixtures.WAGES, 9, 0.95));
    private static final SearchVerdict CLOSE = new SearchVerdict.Close(List.of(
            new FaqMatch(Fixtures.WAGES, 8, 0.6), new FaqMatch(Fixtures.SEVERANCE, 7.9, 0.59)));

    private final Router router = new Router();
    private final MeaningRecogniser unsureOfAComplaint = new MeaningRecogniser(text -> new LabelProbabilities(
            Map.of("referral:12315", 0.7, "question", 0.3), Map.of("referral:12315", 0.8, "question", 0.75)),
            MeaningRecogniser.Thresholds.DEFAULT);
    private final MeaningRecogniser sureOfAComplaint = new MeaningRecogniser(text -> new LabelProbabilities(
            Map.of("referral:12315", 0.9, "question", 0.1), Map.of("referral:12315", 0.85, "question", 0.7)),
            MeaningRecogniser.Thresholds.DEFAULT);
    private final MeaningRecogniser sureOfFraud = new MeaningRecogniser(text -> new LabelProbabilities(
            Map.of("referral:fraud", 0.9, "question", 0.1), Map.of("referral:fraud", 0.85, "question", 0.7)),
            MeaningRecogniser.Thresholds.DEFAULT);

    @Test
    void anUnsureReferralGivesWayToChoicesWhenTheLawIsAskedOutright() {
        assertThat(refine(unsureOfAComplaint, "七天无理由退货 商家说拆了包装就不能退 法律上真是这样吗", CLOSE).intent())
                .isEqualTo(Intent.QUESTION);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "\"{0}\" asks the law outright")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "客人在我店里滑倒摔骨折了 现在找我要五万 我到底该赔多少",
            "暑假在奶茶店打工 老板说学生不算劳动关系 加班不给加班费 对吗",
            "上礼拜在商场电梯被关了一个钟头 商场要负啥责任不",
            "在商场摔了一跤 地上有水也没放警示牌 缝了五针 商场该赔不",
            "我男朋友以前打过我 我们没结婚 孩子一岁 要是分手 孩子能跟我吗",
            "欠物业费 物业就能停水停电？",
            "跑外卖的 送餐超时被扣钱 平台这样扣合法不",
            "上个月我家厨房起火 消防来灭了 物业说是我家电线问题 要我赔楼道的损失 合理吗",
            "网上定做的窗帘 商家说定制的不退 七天无理由是不是不适用",
            "我妈年轻的时候被我爸打过好多次 现在我爸老了要我养他 我能不管他吗"})
    void otherWaysOfAskingTheLawAlsoGiveWayToChoices(String text) {
        assertThat(refine(unsureOfAComplaint, text, CLOSE).intent()).isEqualTo(Intent.QUESTION);
    }

    @Test
    void anUnsureReferralStandsWhenTheLawIsNotAsked() {
        Utterance said = refine(unsureOfAComplaint, "七天无理由退货 商家说拆了包装就不能退 去哪投诉", CLOSE);

        assertThat(said.intent()).isEqualTo(Intent.REFERRAL);
        assertThat(said.hotlines()).containsExactly(Hotline.CONSUMER_COMPLAINTS);
    }

    @Test
    void anUnsureReferralStandsWhenTheSearchHasNothingToOffer() {
        assertThat(refine(unsureOfAComplaint, "商家说拆了包装就不能退 法律上真是这样吗", new SearchVerdict.Miss()).intent())
                .isEqualTo(Intent.REFERRAL);
    }

    @Test
    void aSureReferralStandsWhateverIsAskedUnlessTheAnswerIsClear() {
        assertThat(refine(sureOfAComplaint, "七天无理由退货 商家说拆了包装就不能退 法律上真是这样吗", CLOSE).intent())
                .isEqualTo(Intent.REFERRAL);
        assertThat(refine(sureOfAComplaint, "有人在朋友圈造谣说我店里的东西吃死过人 根本没这回事 能告他诽谤不", CLEAR).intent())
                .isEqualTo(Intent.QUESTION);
        assertThat(refine(sureOfAComplaint, "在他家店里买的熟食吃坏了肚子 想投诉这家店", CLEAR).intent())
                .isEqualTo(Intent.REFERRAL);
    }

    @Test
    void aReferralOnlySupposedOrDeniedAsARumourIsAQuestionHoweverSure() {
        assertThat(refine(sureOfAComplaint, "假如我老公打我 我能直接要求离婚吗 现在还没打过 就是怕", new SearchVerdict.Miss()).intent())
                .isEqualTo(Intent.QUESTION);
        assertThat(refine(sureOfAComplaint, "有人在网上说我老公家暴我 其实根本没有 造谣的能告吗", new SearchVerdict.Miss()).intent())
                .isEqualTo(Intent.QUESTION);
        assertThat(refine(sureOfAComplaint, "我老公经常打我 想找人帮帮我", new SearchVerdict.Miss()).intent())
                .isEqualTo(Intent.REFERRAL);
    }

    @Test
    void aReferralToldInHindsightIsAQuestionButAFraudStillGoesTo110() {
        assertThat(refine(sureOfAComplaint, "前几天跟老公吵架他推了我一下 已经没事了 我们也和好了 就想知道这算家暴吗 以后离婚有用没",
                new SearchVerdict.Miss()).intent()).isEqualTo(Intent.QUESTION);
        assertThat(refine(sureOfFraud, "上周接了个电话 说我快递丢了要理赔 我转了五千 能告快递公司吗", new SearchVerdict.Miss()).intent())
                .isEqualTo(Intent.REFERRAL);
    }

    @Test
    void aSureFraudReferralStandsBesideAClearAnswer() {
        assertThat(refine(sureOfFraud, "网上认识的人让我投资 转了三万现在联系不上 能告他吗", CLEAR).intent())
                .isEqualTo(Intent.REFERRAL);
    }

    @Test
    void aFraudAlreadyReportedIsNoReferralHoweverSureTheRecogniserIs() {
        assertThat(refine(sureOfFraud, "我爸被电信诈骗后想不开 还好救回来了 现在出院了 骗子也抓到了 能要精神损失费不", CLOSE).intent())
                .isEqualTo(Intent.QUESTION);
        assertThat(refine(sureOfFraud, "我爸被电信诈骗了 转了八万 现在人找不到了", CLOSE).intent()).isEqualTo(Intent.REFERRAL);
    }

    @Test
    void aFraudWhoseVictimAsksWhetherToPayWithThePaymentInFrontOfThemIsUnderWay() {
        Utterance said = refine(sureOfFraud, "网上认识的人让我在平台充值 现在说再补两万才能提 我正停在转账页面 要不要点确认",
                new SearchVerdict.Miss());

        assertThat(said.intent()).isEqualTo(Intent.EMERGENCY);
        assertThat(said.hotlines()).containsExactly(Hotline.POLICE, Hotline.STOP_PAYMENT);
        assertThat(refine(sureOfFraud, "网上认识的人让我在平台充值 已经充了两万 现在提不出来 要不要报警", new SearchVerdict.Miss()).intent())
                .isEqualTo(Intent.REFERRAL);
    }

    @Test
    void aReferralToAHotlineAlreadyCalledIsAQuestion() {
        assertThat(refine(sureOfAComplaint, "网上买的种子是假的 打了12315投诉 商家不理 能不能直接去法院告他", new SearchVerdict.Miss()).intent())
                .isEqualTo(Intent.QUESTION);
    }

    private Utterance refine(MeaningRecogniser recogniser, String text, SearchVerdict verdict) {
        return recogniser.refine(router.classify(text), text, DialogState.BOT, () -> verdict);
    }
}
