package org.lawline.channels.wechat;

/** What this channel itself says to citizens (the engine writes the answers). */
final class CitizenTexts {

    static final String WELCOME = """
            您好，欢迎关注12348法律服务！
            我是智能法律助手，可以解答欠薪、劳动合同、婚姻家庭、借款、租房、交通事故等常见法律问题，并告诉您所依据的法律条文。
            · 直接用文字输入您的问题即可；
            · 需要人工服务，请回复"人工"，值班律师会接手；
            · 发送您的位置，可查询附近的法律服务机构；
            · 底部菜单：常见问题、找律师、法律援助、查询案件。""";

    static final String PLEASE_TYPE = "请用文字描述您的问题，我们暂时无法识别图片、视频、链接和文件。";

    static final String VOICE_NOT_RECOGNISED = "抱歉，没能听清您的语音，请用文字描述您的问题。";

    static final String FAQ_MENU = """
            常见问题可以直接用一句话提问，例如：
            1. 老板拖欠工资怎么办？
            2. 没签劳动合同能要双倍工资吗？
            3. 离婚时孩子抚养权怎么确定？
            4. 借钱不还怎么起诉？
            5. 交通事故对方不赔偿怎么办？
            需要人工服务请回复"人工"。""";

    static final String CASE_LOOKUP = """
            法律援助案件进度查询即将开通。
            目前请拨打12348法律服务热线查询，或携带身份证到受理您申请的法律援助中心询问。""";

    static final String BUSY = "系统繁忙，请稍后再发一次您的问题。";

    /** Fed to the engine for the 找律师 button: the engine's own words for asking for a person. */
    static final String ASK_FOR_LAWYER = "转人工";

    /** Fed to the engine for the 法律援助 button. */
    static final String ASK_LEGAL_AID = "如何申请法律援助";

    /**
     * Under each answer: WeChat has no buttons in a text reply, so the citizen answers in words.
     * Words, not 1 / 0, since a number right after choices picks one of them.
     */
    static final String ASK_FOR_FEEDBACK = "\n\n这条回答对您有帮助吗？请回复\"有用\"或\"没用\"。";

    static final String THANKS_FOR_FEEDBACK = "谢谢您的反馈！还有其他问题，请直接发送。";

    private CitizenTexts() {
    }
}
