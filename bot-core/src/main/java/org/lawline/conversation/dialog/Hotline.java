package org.lawline.conversation.dialog;

/** Telephone numbers the bot sends citizens to, with the one line that says what each is for. */
enum Hotline {
    POLICE("110", "110（报警）：有人身危险、正在发生暴力或违法犯罪时拨打"),
    AMBULANCE("120", "120（急救）：有人受伤、昏迷或有生命危险时拨打"),
    FIRE("119", "119（火警）：发生火灾时拨打，请先撤离到安全的地方"),
    RESCUE("119", "119（消防救援）：有人被埋、被困、落水，或化学品、有毒气体泄漏时拨打，不要贸然自己下去救"),
    GAS("119", "闻到燃气味：不要开关电灯电器、不要在屋里打电话，先开窗、关燃气总阀，离开后在室外拨打119或燃气公司抢修电话"),
    /** A fraud under way, beside 110: stop paying now, and the anti-fraud line. */
    STOP_PAYMENT("96110", "96110（反诈专线）：正在转账的，立即停止操作、挂断对方电话，不要再转任何钱，并马上联系银行止付"),
    /** The national mental-health line: for self-harm, beside 110 and 120, never instead of them. */
    CRISIS("12356", "12356（心理援助热线）：想不开、很痛苦的时候，可以拨打，有专业的人听您说"),
    CITY_SERVICES("12345", "路灯、井盖、市政设施、物业、占道经营、违章搭建等城市管理问题，可以拨打12345政务服务便民热线反映。"),
    CONSUMER_COMPLAINTS("12315", "投诉或举报商家（商品质量、消费纠纷等），可以拨打12315市场监管投诉举报热线。"),
    SOCIAL_SECURITY("12333", "社保查询、社保卡、养老金查询和劳动保障政策咨询，可以拨打12333人力资源和社会保障服务热线；拖欠工资、不缴社保，也可以向当地劳动保障监察机构投诉举报。"),
    ANTI_FRAUD("110", "被骗了请立即拨打110报警，并拨打96110反诈专线；保存好转账记录、聊天记录和对方账号，尽快联系银行申请止付，不要再向对方转任何钱。"),
    WOMENS_RIGHTS("12338", "遭受家庭暴力，或妇女、儿童的权益受到侵害（包括孩子被打骂、挨饿、长期无人照看），可以拨打12338妇女维权公益服务热线求助；如果暴力正在发生或孩子眼下有危险，请立即拨打110。");

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
