package org.lawline.channels.weibo;

/** What the Weibo channel itself says to followers; the engine writes the answers. */
final class FollowerTexts {

    static final String WELCOME = """
            感谢关注12348法律服务！
            在私信里直接写下您的法律问题（欠薪、劳动合同、婚姻家庭、借款、租房、交通事故等），智能法律助手会回答并注明法律依据。
            回复"人工"由值班律师接手；发送位置可查附近的法律服务机构；也可以点下方菜单：常见问题、找律师、法律援助。""";

    static final String PLEASE_WRITE = "请用文字描述您的问题，语音和图片暂时无法识别。";

    static final String COMMON_QUESTIONS = """
            您可以直接用一句话提问，比如：
            1. 公司拖欠工资怎么办？
            2. 试用期被辞退有补偿吗？
            3. 离婚后孩子跟谁生活？
            4. 朋友借钱不还怎么办？
            5. 租房押金不退怎么办？
            回复"人工"可转值班律师。""";

    /** Fed to the engine for the 找律师 button: the engine's own words for asking for a person. */
    static final String LAWYER_PLEASE = "转人工";

    /** Fed to the engine for the 法律援助 button. */
    static final String LEGAL_AID_PLEASE = "如何申请法律援助";

    private FollowerTexts() {
    }
}
