package org.lawline.conversation.dialog;

/** Telephone numbers the bot sends citizens to, with the one line that says what each is for. */
enum Hotline {
    POLICE("110", "110（报警）：有人身危险、正在发生暴力或违法犯罪时拨打"),
    AMBULANCE("120", "120（急救）：有人受伤、昏迷或有生命危险时拨打"),
    FIRE("119", "119（火警）：发生火灾时拨打，请先撤离到安全的地方"),
    CITY_SERVICES("12345", "路灯、井盖、市政设施、物业、占道经营、违章搭建等城市管理问题，可以拨打12345政务服务便民热线反映。"),
    CONSUMER_COMPLAINTS("12315", "投诉或举报商家（商品质量、消费纠纷等），可以拨打12315市场监管投诉举报热线。"),
    SOCIAL_SECURITY("12333", "社保查询、社保卡、养老金查询和劳动保障政策咨询，可以拨打12333人力资源和社会保障服务热线。"),
    WOMENS_RIGHTS("12338", "遭受家庭暴力或妇女权益受到侵害，可以拨打12338妇女维权公益服务热线求助；如果暴力正在发生，请立即拨打110。");

    private final String number;
    private final String line;

    Hotline(String number, String line) {
        this.number = number;
        this.line = line;
    }

    String number() {
        return number;
    }

    /** One line: the number and what it handles. */
    String line() {
        return line;
    }
}
