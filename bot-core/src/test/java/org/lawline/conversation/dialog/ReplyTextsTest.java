package org.lawline.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.Reply;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.LawReference;

class ReplyTextsTest {

    @Test
    void anAnswerIsTheEntryThenItsLawThenItsSourceThenHowToReadTheArticlesThenTheDisclaimer() {
        String text = ReplyTexts.answer(Fixtures.WAGES);

        assertThat(text.split("\n")).containsExactly(
                Fixtures.WAGES.answer(),
                "依据：《劳动合同法》第三十条；《劳动合同法》第八十五条",
                "来源：知识库条目 labour-wage-arrears",
                "回复“查看法条”可查看条文原文。",
                "以上为一般性法律信息，不构成对您具体案件的法律意见。");
    }

    @Test
    void citedArticlesAreShownInFullUnderTheirNamesAndTheDisclaimerStaysLast() {
        String text = ReplyTexts.articles(List.of(
                new ReplyTexts.CitedArticle(LawReference.parse("《劳动合同法》第三十条"), Optional.of("用人单位应当按时足额支付劳动报酬。")),
                new ReplyTexts.CitedArticle(LawReference.parse("中华人民共和国劳动合同法第八十五条"), Optional.empty())));

        assertThat(text).isEqualTo("《劳动合同法》第三十条\n用人单位应当按时足额支付劳动报酬。\n\n"
                + "《劳动合同法》第八十五条（原文可在国家法律法规数据库 https://flk.npc.gov.cn 查阅）\n\n" + ReplyTexts.DISCLAIMER);
    }

    @Test
    void atMostThreeArticlesAreShownAndTheRestAreNamed() {
        List<ReplyTexts.CitedArticle> cited = List.of("第一条", "第二条", "第三条", "第四条").stream()
                .map(article -> new ReplyTexts.CitedArticle(new LawReference("中华人民共和国劳动法", article), Optional.of("条文。")))
                .toList();

        String text = ReplyTexts.articles(cited);

        assertThat(text).contains("《劳动法》第三条\n条文。").doesNotContain("《劳动法》第四条\n")
                .contains("另有《劳动法》第四条，篇幅所限未列出原文。");
        assertThat(text.split("\n")[text.split("\n").length - 1]).isEqualTo(ReplyTexts.DISCLAIMER);
    }

    @Test
    void longArticlesAreCutWithAnEllipsisWithinTheBudget() {
        String longText = "劳".repeat(1000);
        List<ReplyTexts.CitedArticle> cited = List.of("第一条", "第二条", "第三条").stream()
                .map(article -> new ReplyTexts.CitedArticle(new LawReference("中华人民共和国劳动法", article), Optional.of(longText)))
                .toList();

        String text = ReplyTexts.articles(cited);

        String shown = text.substring(0, text.lastIndexOf("\n\n" + ReplyTexts.DISCLAIMER));
        assertThat(shown.replace("\n", "").replace("另有《劳动法》第三条，篇幅所限未列出原文。", "").length())
                .isLessThanOrEqualTo(ReplyTexts.MAX_ARTICLE_CHARS + ReplyTexts.CUT.length());
        assertThat(text).contains("《劳动法》第一条\n" + longText).contains("《劳动法》第二条\n劳").contains("劳" + ReplyTexts.CUT)
                .contains("另有《劳动法》第三条");
    }

    @Test
    void anAnswerWithoutCitationsDoesNotOfferToShowArticles() {
        FaqEntry entry = new FaqEntry("service-hours", "法律援助中心几点上班？", List.of(), "工作日上午九点至下午五点。", "法律援助", List.of());

        assertThat(ReplyTexts.answer(entry)).doesNotContain("查看法条");
    }

    @Test
    void theDisclaimerIsTheLastLineOfEveryAnswer() {
        for (FaqEntry entry : List.of(Fixtures.PROBATION, Fixtures.WAGES, Fixtures.SEVERANCE, Fixtures.OVERTIME, Fixtures.CUSTODY)) {
            String[] lines = ReplyTexts.answer(entry).split("\n");
            assertThat(lines[lines.length - 1]).isEqualTo(ReplyTexts.DISCLAIMER);
        }
    }

    @Test
    void aLawCitedTwiceIsListedOnce() {
        LawReference article = LawReference.parse("中华人民共和国民法典第一千零八十四条");
        FaqEntry entry = new FaqEntry("family-x", "问？", List.of(), "答。", "婚姻家庭", List.of(article, article));

        assertThat(ReplyTexts.answer(entry)).contains("\n依据：《民法典》第一千零八十四条\n");
    }

    @Test
    void anEntryWithoutCitationsHasNoBasisLine() {
        FaqEntry entry = new FaqEntry("service-hours", "法律援助中心几点上班？", List.of(), "工作日上午九点至下午五点。", "法律援助", List.of());

        assertThat(ReplyTexts.answer(entry)).isEqualTo("工作日上午九点至下午五点。\n来源：知识库条目 service-hours\n" + ReplyTexts.DISCLAIMER);
    }

    @Test
    void aMultiLineAnswerKeepsItsLines() {
        FaqEntry entry = new FaqEntry("steps", "怎么申请劳动仲裁？", List.of(), "  第一步：准备材料。\n第二步：提交申请。\n", "劳动",
                List.of(LawReference.parse("中华人民共和国劳动争议调解仲裁法第二十八条")));

        assertThat(ReplyTexts.answer(entry)).startsWith("第一步：准备材料。\n第二步：提交申请。\n依据：《劳动争议调解仲裁法》第二十八条\n");
    }

    @Test
    void choicesAreNumberedOneALine() {
        List<Reply.Choice> choices = List.of(
                new Reply.Choice(1, "a", "公司拖欠工资怎么办？", 8.0),
                new Reply.Choice(2, "b", "被辞退能拿到经济补偿吗？", 7.6));

        assertThat(ReplyTexts.choices(choices)).startsWith("您想问的是哪一个？回复数字即可：\n1. 公司拖欠工资怎么办？\n2. 被辞退能拿到经济补偿吗？\n");
    }

    @Test
    void anEmergencyGivesOneLinePerNumberMostUrgentFirst() {
        String text = ReplyTexts.emergency(List.of(Hotline.POLICE, Hotline.AMBULANCE));

        assertThat(text.split("\n")).hasSize(4);
        assertThat(text.split("\n")[1]).startsWith("110");
        assertThat(text.split("\n")[2]).startsWith("120");
    }

    @Test
    void aReferralGivesTheNumberAndWhatItHandles() {
        assertThat(ReplyTexts.referral(Hotline.CONSUMER_COMPLAINTS).lines().findFirst()).get().asString()
                .contains("12315").contains("投诉");
    }

    @Test
    void theHandoffTellsTheCitizenHowToLeaveTheQueue() {
        assertThat(ReplyTexts.HANDOFF).isEqualTo("已为您转接值班律师，请稍候。值班律师接入前，您仍可继续向我提问；回复“取消”可退出排队。");
    }
}
