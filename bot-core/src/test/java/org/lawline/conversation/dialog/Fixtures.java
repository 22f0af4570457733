package org.lawline.conversation.dialog;

import java.util.List;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.LawReference;

/** Knowledge-base entries and questions the dialog tests share. */
final class Fixtures {

    static final FaqEntry PROBATION = new FaqEntry("labour-probation-dismissal",
            "试用期内公司可以随时辞退我吗？",
            List.of("试用期被辞退合法吗"),
            "不可以随意辞退。试用期内，用人单位只有证明您不符合录用条件等法定情形，才能解除劳动合同，并应向您说明理由。",
            "劳动",
            List.of(LawReference.parse("中华人民共和国劳动合同法第二十一条"), LawReference.parse("中华人民共和国劳动合同法第三十九条")));

    static final FaqEntry WAGES = new FaqEntry("labour-wage-arrears",
            "公司拖欠工资怎么办？",
            List.of("老板不发工资"),
            "可以先向公司书面催告；仍不支付的，可以向劳动保障监察机构投诉，或申请劳动仲裁。",
            "劳动",
            List.of(LawReference.parse("《劳动合同法》第三十条"), LawReference.parse("中华人民共和国劳动合同法第八十五条")));

    static final FaqEntry SEVERANCE = new FaqEntry("labour-severance",
            "被辞退能拿到经济补偿吗？",
            List.of(),
            "用人单位依法解除劳动合同的，多数情形下应按工作年限支付经济补偿，每满一年支付一个月工资。",
            "劳动",
            List.of(LawReference.parse("中华人民共和国劳动合同法第四十六条"), LawReference.parse("中华人民共和国劳动合同法第四十七条")));

    static final FaqEntry OVERTIME = new FaqEntry("labour-overtime-pay",
            "加班费怎么算？",
            List.of(),
            "工作日延长工作时间的，支付不低于工资百分之一百五十的工资报酬。",
            "劳动",
            List.of(LawReference.parse("中华人民共和国劳动法第四十四条")));

    static final FaqEntry CUSTODY = new FaqEntry("family-custody",
            "离婚后孩子归谁抚养？",
            List.of(),
            "不满两周岁的子女，以由母亲直接抚养为原则；已满两周岁的，协议不成的由法院按照最有利于未成年子女的原则判决。",
            "婚姻家庭",
            List.of(LawReference.parse("中华人民共和国民法典第一千零八十四条")));

    /** Answered outright: one confident match, the runner-up far behind. */
    static final String CLEAR_QUESTION = "试用期公司可以随便辞退我吗";
    /** Three matches close together: the citizen is asked to choose. */
    static final String CLOSE_QUESTION = "公司不给钱怎么办";
    /** Another clear question, for switching topics. */
    static final String CUSTODY_QUESTION = "离婚后孩子跟谁";
    /** Nothing in the knowledge base. */
    static final String UNKNOWN_QUESTION = "火星上的房子怎么过户";

    private Fixtures() {
    }

    static ScriptedFaqSearch knowledgeBase() {
        return new ScriptedFaqSearch(PROBATION, WAGES, SEVERANCE, OVERTIME, CUSTODY)
                .when(CLEAR_QUESTION, PROBATION.id(), 12.0, 0.9, SEVERANCE.id(), 4.0, 0.35)
                .when(CLOSE_QUESTION, WAGES.id(), 8.0, 0.8, SEVERANCE.id(), 7.9, 0.79, OVERTIME.id(), 7.8, 0.78)
                .when(CUSTODY_QUESTION, CUSTODY.id(), 10.0, 0.85);
    }
}
