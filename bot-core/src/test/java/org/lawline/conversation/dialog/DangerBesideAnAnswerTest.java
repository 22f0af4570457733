package org.lawline.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.DialogState;
import org.lawline.knowledge.FaqMatch;
import org.lawline.knowledge.LabelProbabilities;

/**
 * When the recogniser's danger stands against what else is known of a message — a clear answer,
 * or a hotline the keyword rules found — and which numbers a danger it is unsure of the kind of
 * gets. The classifier is stood in for, so each rule is seen alone.
 */
class DangerBesideAnAnswerTest {

    private static final SearchVerdict CLEAR = new SearchVerdict.Clear(new FaqMatch(Fixtures.WAGES, 9, 0.95));

    private final Router router = new Router();

    @Test
    void sureDangerMuchCloserToALegalQuestionThanToAnyEmergencyGivesWayToAClearAnswer() {
        // "我爸八十了，我哥把他的存折拿走了": danger 0.83, a question at 0.87, an emergency at 0.62 at best
        MeaningRecogniser recogniser = recogniser(
                Map.of("emergency:self_harm", 0.68, "emergency:police", 0.15, "question", 0.17),
                Map.of("emergency:self_harm", 0.61, "emergency:police", 0.62, "question", 0.87));

        assertThat(refine(recogniser, "我爸八十了，我哥把他的存折拿走了", CLEAR).intent()).isEqualTo(Intent.QUESTION);
    }

    @Test
    void sureDangerAsCloseToAnEmergencyAsToAQuestionOutranksAClearAnswer() {
        MeaningRecogniser recogniser = recogniser(
                Map.of("emergency:police", 0.83, "question", 0.17),
                Map.of("emergency:police", 0.72, "question", 0.81));

        assertThat(refine(recogniser, "我女儿一直联系不上", CLEAR).intent()).isEqualTo(Intent.EMERGENCY);
    }

    @Test
    void unsureDangerMuchNearerALegalQuestionThanAnyEmergencyIsAQuestionEvenWithoutAnAnswer() {
        // a long account of sons who neglect their mother: danger 0.24, a question at 0.88, an emergency at 0.61
        MeaningRecogniser recogniser = recogniser(
                Map.of("question", 0.53, "emergency:self_harm", 0.20, "emergency:police", 0.04, "referral:12315", 0.12),
                Map.of("question", 0.88, "emergency:self_harm", 0.61, "emergency:police", 0.55, "referral:12315", 0.63));

        assertThat(refine(recogniser, "我妈七十五了，三个儿子都不管，病了也没人管，能告他们吗", new SearchVerdict.Miss()).intent())
                .isEqualTo(Intent.QUESTION);
    }

    @Test
    void unsureDangerWhereALegalQuestionIsLikeliestAndNearerByMoreThanTheLeadIsAQuestion() {
        // "农村宅基地 兄弟分家的时候我哥把我那份占了 咋办": 占了 reads as violence; the question 0.16 nearer
        MeaningRecogniser recogniser = recogniser(
                Map.of("question", 0.56, "emergency:police", 0.28, "referral:12338", 0.07, "emergency:self_harm", 0.09),
                Map.of("question", 0.78, "emergency:police", 0.62, "referral:12338", 0.67, "emergency:self_harm", 0.55));

        assertThat(refine(recogniser, "农村宅基地 兄弟分家的时候我哥把我那份占了 咋办",
                new SearchVerdict.Close(java.util.List.of(new FaqMatch(Fixtures.WAGES, 3, 0.5)))).intent())
                .isEqualTo(Intent.QUESTION);
    }

    @Test
    void unsureDangerAboutAsNearAnEmergencyAsAQuestionIsStillAnEmergencyWithoutAnAnswer() {
        MeaningRecogniser recogniser = recogniser(
                Map.of("question", 0.6, "emergency:police", 0.4),
                Map.of("question", 0.75, "emergency:police", 0.68));

        assertThat(refine(recogniser, "有个人天天在我家楼下转", new SearchVerdict.Miss()).intent()).isEqualTo(Intent.EMERGENCY);
    }

    @Test
    void unsureDangerGivesWayWhenTheLawIsAskedInSoManyWords() {
        // "俺是独生女 俺叔说俺爹那套房子他也有份 真的假的": 俺 reads as the villages' emergencies; danger 0.29, unsure
        Map<String, Double> probabilities = Map.of("small_talk", 0.31, "emergency:self_harm", 0.18, "emergency:police", 0.11,
                "question", 0.11, "referral:12338", 0.14, "want_to_ask", 0.15);
        Map<String, Double> closest = Map.of("small_talk", 0.52, "emergency:self_harm", 0.60, "emergency:police", 0.60,
                "question", 0.66, "referral:12338", 0.61, "want_to_ask", 0.55);
        MeaningRecogniser recogniser = recogniser(probabilities, closest);

        assertThat(refine(recogniser, "俺是独生女 俺叔说俺爹那套房子他也有份 真的假的", new SearchVerdict.Miss()).intent())
                .isEqualTo(Intent.QUESTION);
        // the same reading without the law asked stays danger
        assertThat(refine(recogniser, "俺是独生女 俺叔天天来俺家 俺一个人在屋里", new SearchVerdict.Miss()).intent())
                .isEqualTo(Intent.EMERGENCY);
    }

    @Test
    void sureDangerStandsWhenTheLawIsAskedToo() {
        MeaningRecogniser recogniser = recogniser(
                Map.of("emergency:police", 0.9, "question", 0.1),
                Map.of("emergency:police", 0.8, "question", 0.7));

        assertThat(refine(recogniser, "他一直在院子里转悠不走 这犯法吗 能让他出钱不", new SearchVerdict.Miss()).intent())
                .isEqualTo(Intent.EMERGENCY);
    }

    @Test
    void sureDangerFarNearerALegalQuestionGivesWayWhenTheLawIsAskedInSoManyWords() {
        // a death told as leaving reads as a missing person: danger 0.9, yet a question at 0.84 and an emergency at 0.66 at best
        MeaningRecogniser recogniser = recogniser(
                Map.of("emergency:police", 0.9, "question", 0.1),
                Map.of("emergency:police", 0.66, "question", 0.84));

        assertThat(refine(recogniser, "娘走了 老屋我弟说嫁出去的闺女没份 真的是这样吗", new SearchVerdict.Miss()).intent())
                .isEqualTo(Intent.QUESTION);
        assertThat(refine(recogniser, "娘走了 到现在一直联系不上 手机也关机", new SearchVerdict.Miss()).intent())
                .isEqualTo(Intent.EMERGENCY);
    }

    @Test
    void dangerBuriedInAClauseOfALongLegalQuestionIsDanger() {
        // the whole message reads as the deposit question; only its clause of the door being kicked reads as danger
        MeaningRecogniser recogniser = dangerInAShortTextSaying("门锁已经在响了");
        String text = DEPOSIT_STORY
                + " 他今晚带了三个人来 门锁已经在响了 我一个女生在屋里 这种情况押金能要回来吗";

        assertThat(refine(recogniser, text, new SearchVerdict.Miss()).intent()).isEqualTo(Intent.EMERGENCY);
    }

    @Test
    void aClauseThatSaysNoNowInWordsOfItsOwnIsNotReadAsDanger() {
        // "老头子有老慢支一冷就咳" of a heating complaint: a clause alone is read with little context
        MeaningRecogniser recogniser = dangerInAShortTextSaying("老慢支一冷就咳");
        String text = "今年暖气一点都不热 屋里才十二度 俺老两口在家穿着大棉袄还冻得慌 老头子有老慢支一冷就咳"
                + " 找了供热公司好几回 他们说是楼里管道的事让找物业 物业又说是供热公司的事 这到底该谁管";

        assertThat(refine(recogniser, text, new SearchVerdict.Miss()).intent()).isNotEqualTo(Intent.EMERGENCY);
    }

    @Test
    void aClauseToldInThePastIsNotReadAgainForDanger() {
        MeaningRecogniser recogniser = dangerInAShortTextSaying("门锁已经在响了");
        String text = DEPOSIT_STORY
                + " 上个月他带了三个人来 那天门锁已经在响了 后来他们走了 这种情况押金能要回来吗";

        assertThat(refine(recogniser, text, new SearchVerdict.Miss()).intent()).isNotEqualTo(Intent.EMERGENCY);
    }

    @Test
    void aClauseThatFearsWhatHasNotHappenedIsNotReadAsDanger() {
        // "半夜" says now, but of a fear: the shop owner asks about self-defence
        MeaningRecogniser recogniser = dangerInAShortTextSaying("有人来抢钱");
        String text = "我开夜宵店 开到凌晨四点 老是担心半夜有人来抢钱 店里就我跟我老婆 我想问一下 要是有人闯进来 我把他打伤了 算不算正当防卫";

        assertThat(router.classify(text).intent()).isEqualTo(Intent.QUESTION);
        assertThat(refine(recogniser, text, new SearchVerdict.Miss()).intent()).isNotEqualTo(Intent.EMERGENCY);
        // afraid, with danger told in a clause of its own, is danger
        String afraid = "我开夜宵店 押金的事想问问 房东说提前退租一分不退 我好害怕 现在有人来抢钱了 就在店门口";
        assertThat(refine(recogniser, afraid, new SearchVerdict.Miss()).intent()).isEqualTo(Intent.EMERGENCY);
    }

    @Test
    void thanksAtLengthAreReadForDangerToo() {
        // thanks at length are thanks, unless a clause of them is danger: a farewell can open with thanks
        MeaningRecogniser recogniser = dangerInAShortTextSaying("在桥边站着");
        String thanks = "太感谢你们了 上个月工钱的事你们律师帮我写了材料 昨天老板把三万二全打过来了 祝你们好人一生平安";
        String farewell = "谢谢你们以前帮我解答过问题 欠的钱我还不上了 家里人也不理我 今晚我一个人在桥边站着 天很黑 祝你们好人一生平安";

        Utterance keywords = router.classify(farewell);
        assertThat(keywords.intent()).as("the keyword rules read thanks").isEqualTo(Intent.GREETING);
        assertThat(keywords.greeting()).isEqualTo(Utterance.GreetingKind.THANKS);
        assertThat(refine(recogniser, thanks, new SearchVerdict.Miss()).greeting()).isEqualTo(Utterance.GreetingKind.THANKS);
        assertThat(refine(recogniser, farewell, new SearchVerdict.Miss()).intent()).isEqualTo(Intent.EMERGENCY);
    }

    @Test
    void unsureDangerLeavesAHotlineTheKeywordRulesFound() {
        MeaningRecogniser recogniser = recogniser(
                Map.of("referral:12345", 0.43, "question", 0.29, "emergency:medical", 0.28),
                Map.of("referral:12345", 0.75, "question", 0.75, "emergency:medical", 0.65));

        Utterance said = refine(recogniser, "下水道井盖丢了很危险", new SearchVerdict.Miss());

        assertThat(said.intent()).isEqualTo(Intent.REFERRAL);
        assertThat(said.hotlines()).containsExactly(Hotline.CITY_SERVICES);
    }

    @Test
    void sureDangerOutranksAHotlineTheKeywordRulesFound() {
        MeaningRecogniser recogniser = recogniser(
                Map.of("emergency:medical", 0.9, "question", 0.1),
                Map.of("emergency:medical", 0.8, "question", 0.7));

        assertThat(refine(recogniser, "井盖没了 有个老人掉下去了", new SearchVerdict.Miss()).intent()).isEqualTo(Intent.EMERGENCY);
    }

    @Test
    void dangerOfTwoLikelyKindsGivesBothKindsOfNumbers() {
        MeaningRecogniser recogniser = recogniser(
                Map.of("emergency:medical", 0.30, "emergency:self_harm", 0.28, "emergency:police", 0.19, "question", 0.23),
                Map.of("emergency:medical", 0.64, "emergency:self_harm", 0.57, "emergency:police", 0.80, "question", 0.75));

        Utterance said = refine(recogniser, "他喝多了 我好怕", new SearchVerdict.Miss());

        assertThat(said.hotlines()).containsExactly(Hotline.POLICE, Hotline.AMBULANCE, Hotline.CRISIS);
    }

    @Test
    void dangerOfOneLikelyKindGivesOnlyItsNumbers() {
        MeaningRecogniser recogniser = recogniser(
                Map.of("emergency:gas", 0.95, "emergency:fire", 0.03, "question", 0.02),
                Map.of("emergency:gas", 0.81, "emergency:fire", 0.6, "question", 0.6));

        assertThat(refine(recogniser, "屋里一股怪味 头很晕", new SearchVerdict.Miss()).hotlines()).containsExactly(Hotline.GAS);
    }

    @Test
    void sureDangerToldInHindsightIsAQuestionEvenWithoutAnAnswer() {
        // "俺儿子小时候被拐过…": the classifier reads an abduction in the clause that tells of it, years ago
        MeaningRecogniser recogniser = dangerWhereItSays("拐");

        assertThat(refine(recogniser, "俺儿子小时候被拐过 后来找回来了 还能找人贩子要赔偿不", new SearchVerdict.Miss()).intent())
                .isEqualTo(Intent.QUESTION);
        assertThat(refine(recogniser, "俺儿子小时候被拐过 今天又不见了 能找学校要赔偿不", new SearchVerdict.Miss()).intent())
                .isEqualTo(Intent.EMERGENCY);
    }

    @Test
    void dangerInTheRestOfAMessageThatAlsoTellsOfThePastIsStillAnEmergency() {
        // the past clause is set aside; the clauses left still read as danger now
        MeaningRecogniser recogniser = dangerWhereItSays("摔下来");

        assertThat(refine(recogniser, "工地上有人从脚手架摔下来 后脑勺一滩血 去年也摔过一个老板赔了钱 这次老板是不是也得赔",
                new SearchVerdict.Miss()).intent()).isEqualTo(Intent.EMERGENCY);
    }

    @Test
    void whatADeadManDidInHisLifetimeIsThePast() {
        // "他生前欠了网贷": the classifier reads a death in the clause; 生前 places it before
        MeaningRecogniser recogniser = dangerWhereItSays("生前");

        assertThat(refine(recogniser, "我哥三年前自杀了 他生前欠了网贷 现在催收天天找我们 我们要替他还吗",
                new SearchVerdict.Miss()).intent()).isEqualTo(Intent.QUESTION);
    }

    @Test
    void deathAsAFigureOfSpeechIsReadPlainlyButPainIsNot() {
        // the classifier, shown frightened messages, reads any 死 as danger
        MeaningRecogniser recogniser = dangerWhereItSays("死");

        assertThat(refine(recogniser, "你们下班了没 今天热死了", new SearchVerdict.Miss()).intent()).isNotEqualTo(Intent.EMERGENCY);
        assertThat(refine(recogniser, "借钱的现在装死不还 咋办", new SearchVerdict.Miss()).intent()).isNotEqualTo(Intent.EMERGENCY);
        assertThat(refine(recogniser, "肚子疼死了 在地上打滚", new SearchVerdict.Miss()).intent()).isEqualTo(Intent.EMERGENCY);
    }

    @Test
    void moneyForSavingALifeIsMoneyNotACry() {
        MeaningRecogniser recogniser = dangerWhereItSays("救命");

        assertThat(refine(recogniser, "救命钱被亲戚借走不还 急死了 能告吗", new SearchVerdict.Miss()).intent()).isNotEqualTo(Intent.EMERGENCY);
        assertThat(refine(recogniser, "救命 他拿着刀", new SearchVerdict.Miss()).intent()).isEqualTo(Intent.EMERGENCY);
    }

    private Utterance refine(MeaningRecogniser recogniser, String text, SearchVerdict verdict) {
        return recogniser.refine(router.classify(text), text, DialogState.BOT, () -> verdict);
    }

    private static final String DEPOSIT_STORY = "我是租房的 押金的事想问问 房东说我提前退租押金一分不退 合同里确实写了 但我是因为房子漏水才退的";
    private static final LabelProbabilities SURE_DANGER = new LabelProbabilities(Map.of("emergency:police", 0.95, "question", 0.05),
            Map.of("emergency:police", 0.8, "question", 0.7));
    private static final LabelProbabilities SURE_QUESTION = new LabelProbabilities(Map.of("emergency:police", 0.05, "question", 0.95),
            Map.of("emergency:police", 0.5, "question", 0.8));

    /** A classifier sure of danger for a text holding these words, sure of a question otherwise. */
    private static MeaningRecogniser dangerWhereItSays(String words) {
        return new MeaningRecogniser(text -> text.contains(words) ? SURE_DANGER : SURE_QUESTION, MeaningRecogniser.Thresholds.DEFAULT);
    }

    /** The same, but only for a short text (a clause or two): the whole long message reads as a question. */
    private static MeaningRecogniser dangerInAShortTextSaying(String words) {
        return new MeaningRecogniser(text -> text.contains(words) && Texts.compact(text).length() < 30 ? SURE_DANGER : SURE_QUESTION,
                MeaningRecogniser.Thresholds.DEFAULT);
    }

    private static MeaningRecogniser recogniser(Map<String, Double> probabilities, Map<String, Double> closest) {
        return new MeaningRecogniser(text -> new LabelProbabilities(probabilities, closest), MeaningRecogniser.Thresholds.DEFAULT);
    }
}
