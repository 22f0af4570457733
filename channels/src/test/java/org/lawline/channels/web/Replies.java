package org.lawline.channels.web;

import java.util.List;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.Reply;
import org.lawline.knowledge.LawReference;

/** Replies as the engine gives them, for the scripted engine. */
final class Replies {

    static final String WAGE_ANSWER = "用人单位应当按时足额支付劳动报酬。\n拖欠工资的，可以向劳动保障监察机构投诉，或申请劳动仲裁。";

    static final String XSS = "<script>window.__xss=1</script><img src=x onerror=window.__xss=2>";

    private Replies() {
    }

    static Reply.Answer wageAnswer() {
        return new Reply.Answer(WAGE_ANSWER, DialogState.BOT, "faq-wage-001", 0.87, List.of(
                new LawReference("中华人民共和国劳动合同法", "第三十条"),
                new LawReference("中华人民共和国劳动合同法", "第八十五条")));
    }

    static Reply.Choices divorceChoices() {
        return new Reply.Choices("您想问的是哪一个？请回复数字：\n1. 离婚后孩子的抚养权归谁\n2. 离婚后抚养费怎么算\n3. 离婚后怎么探望孩子",
                DialogState.CLARIFYING, List.of(
                        new Reply.Choice(1, "faq-custody-001", "离婚后孩子的抚养权归谁", 0.61),
                        new Reply.Choice(2, "faq-custody-002", "离婚后抚养费怎么算", 0.58),
                        new Reply.Choice(3, "faq-custody-003", "离婚后怎么探望孩子", 0.55)));
    }

    static Reply.Answer pickedChoice(String number) {
        return new Reply.Answer("您选择了第" + number + "项。不满两周岁的子女，以由母亲直接抚养为原则。", DialogState.BOT,
                "faq-custody-00" + number, 0.9, List.of(new LawReference("中华人民共和国民法典", "第一千零八十四条")));
    }

    /** An answer given without the conversation's state: the other close questions suggested in words. */
    static Reply.Answer answerWithSuggestions() {
        return new Reply.Answer("不满两周岁的子女，以由母亲直接抚养为原则。\n\n您也可以问：\n· 离婚后抚养费怎么算\n· 离婚后怎么探望孩子",
                DialogState.BOT, "faq-custody-001", 0.7, List.of(new LawReference("中华人民共和国民法典", "第一千零八十四条")));
    }

    static Reply.Handoff queued() {
        return new Reply.Handoff("正在为您转接值班律师，请稍候。", DialogState.QUEUED);
    }
}
