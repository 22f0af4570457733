package org.lawline.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouterTest {

    private final Router router = new Router();

    @ParameterizedTest(name = "\"{0}\" asks for a person")
    @ValueSource(strings = {"人工", "转人工", "人工服务", "人工客服", "我要找人工", "律师", "找律师", "我要律师", "真人",
            "转人工！", " 人 工 ", "请帮我转人工", "我想跟真人说话", "值班律师", "找个律师", "我需要律师",
            "能不能让律师给我打个电话", "有没有人工客服啊", "你是机器人吧 听不懂人话", "别自动回复了 叫律师出来",
            "你们律师在吗", "你根本没用", "答非所问 气死我了", "给我转个值班律师",
            "能打电话咨询吗，电话号码多少", "可以电话咨询吗", "你们的咨询电话是多少", "有没有律师电话",
            "你们这个到底有没有人管啊 问了半天没用", "问了半天也没结果",
            "麻烦帮我转一下人工服务，我想问问离婚财产分割的事情，比较复杂，谢谢",
            "麻烦帮我转一下人工服务，我想问问离婚时房子和存款怎么分割，情况比较复杂，谢谢您",
            "我的情况比较特殊，说了好几遍你都没明白，请帮我转接值班律师吧，谢谢",
            "可以预约律师面谈吗？我想带着材料当面咨询", "能不能派个懂法律的人到我们村来 我们好几户都是一样的事 当面说清楚",
            "说了半天全是套话 太没用了", "别再给我发链接了，我就想找个懂行的人当面问问，明天上午能过去吗，要带啥材料",
            "能不能安排法律援助的律师跟我见一面？我这个案子比较复杂，手机上三言两语说不清楚",
            "你说的都是车轱辘话 找个管事的来",
            "我想当面咨询一下 你们办公室哪天有人", "想找人帮我写个诉状 最好面对面教我那种",
            "你们那有值班律师吗 我明天过去当面问问", "您好，我想与贵中心的律师预约一次面谈，请问如何预约？",
            "我想陪我爸去你们那当面咨询 要预约吗", "我想当面找个律师问问，你们几点上班？",
            "请安排法律援助律师联系我，我是低保户，案子下周开庭",
            "我的事比较复杂 能不能安排一位专业律师联系我", "你们的工作人员能不能来村里一趟 俺腿脚不方便",
            "能派个法律援助的人来我们村吗 好几户都有事",
            "社区的法律顾问啥时候坐班 我想去找他", "村里的驻村律师什么时候来 想跟他见一面",
            "我妈七十多了 看不懂手机 能不能安排个人打电话给她讲讲遗嘱咋写",
            "我腿脚不好出不了门 能不能派个人上门来帮我写个诉状", "能不能安排个人来我们村里 好几户都是一样的土地问题",
            "我腿脚不好出不了门 能派个人上门给我讲讲不", "我妈七十多了不会用手机 麻烦你们工作人员打她座机 跟她讲讲遗嘱的事",
            "俺不会弄这个 能不能打给俺儿子 让他跟你们说",
            "能帮我妈约个律师不 她腿脚不好出不了门 最好能上门", "说了半天等于没说 叫你们管事的来",
            "明天上午能过去面谈不 在哪个窗口", "俺不识几个字 让俺闺女跟你们的人说行不 她下午有空",
            "我耳朵背 打你们电话听不清 能不能叫人上门来一趟 我腿脚也不方便",
            "有没有人能陪我去法院立案 我一个人不敢去", "我儿子在外地 能不能让律师跟他视频说一下这事",
            "有没有人能上门 我腿脚不好出不了门 想立个遗嘱",
            "合同我拍了照片 能不能有个人帮我看看 别是机器看 怕看漏了", "我年纪大了眼睛看不清 能让你们的人打电话给我闺女吗 她帮我说",
            "我在外地打工 能不能让律师给我老家的爹妈打个电话 把承包地的事跟他们讲清楚",
            "我腿脚不好进不了城 你们能不能上门来一趟",
            "机器人就算了 我这事牵扯好几方 想跟专业律师谈",
            "想请你们的律师打给我老婆 她知道情况", "麻烦回电 就这个号码 晚上都在",
            "下周仲裁开庭 你们能派个人陪我去吗", "你们能直接派一个律师给我不 我请不起",
            "我想找个懂工伤的律师一对一聊聊", "请帮我安排个法律援助律师见一面",
            "你们能不能有点人情味 你还给我列一二三", "我说广东话你们有没有人听得懂", "我想约个时间当面谈 要带什么材料",
            "能派个人到俺村里来不 俺有地的事要说", "你们有没有会说温州话的工作人员给她打个电话", "村里的法律顾问能来俺家一趟不",
            "求求你们派个人来我店里帮我看看合同", "我住院出不去 能不能请律师来病房见我一面",
            "有冇识讲粤语嘅师傅啊 我普通话唔系几好", "侬好 阿拉年纪大了弄不来这个 有人好帮阿拉讲讲伐",
            "please call me back, about my visa problem", "有没有会说维吾尔语的翻译 我爸下周要去法院",
            "想找个律师帮我写起诉状 最好面对面一起写", "我弟在看守所 法律援助能不能派个律师去见见他"})
    void asksForAPerson(String text) {
        assertThat(router.classify(text).intent()).isEqualTo(Intent.ASK_FOR_PERSON);
    }

    @ParameterizedTest(name = "\"{0}\" is a question")
    @ValueSource(strings = {"离婚后孩子跟谁", "律师费谁出", "请律师要多少钱", "我想找律师打官司", "人工智能生成的图片有著作权吗",
            "律师说我能赢吗", "拐卖妇女儿童罪判几年", "抢劫罪怎么判", "失火罪是什么", "邻居装修噪音扰民怎么办",
            "买到假货能退一赔三吗", "公司不给交社保怎么办", "老公打我可以起诉离婚吗", "物业费不交会被起诉吗",
            "你好，我想问一下试用期的问题", "谢谢，那加班费怎么算", "12岁孩子打人父母要赔吗", "取消婚约彩礼要退吗",
            "你好我买的东西没用过能退吗", "律师函有用吗", "请律师打官司要多少钱", "诈骗罪判几年", "借钱不还算诈骗吗",
            "孩子满两岁后抚养权归谁", "燃气公司多收费怎么办", "12348打电话要收费吗", "骚扰电话天天打来怎么办",
            "派出所电话多少", "打电话辱骂别人违法吗", "儿子过年没回家还要给他分房吗", "砸坏了别人的东西要赔吗",
            "小区停车乱收费有没有人管", "车钥匙锁在车里了开锁要多少钱", "宅基地上盖房子被说违建要拆", "12348打电话要钱吗",
            "我在网上买的东西坏了，联系人工客服一直不回复，我该怎么维权呢",
            "在网上买的电饭煲用了两天就坏了，联系人工客服一直不回复，我该怎么维权呢", "对方已经起诉我了，我想找律师打官司，请律师大概要多少钱",
            "派出所派人来了 调解不成能起诉吗", "我约了律师下周见面 要带什么材料", "房租水涨船高 房东能随便涨价吗",
            "我做保姆的 雇主走了不给结账 差我两个月工钱 能去哪告",
            "对方律师一直打我电话催我还钱 合法吗", "合同里这条写得等于没说 能告他们吗", "我叫领导来了他也不管 这算违法吗"})
    void doesNotOverTrigger(String text) {
        assertThat(router.classify(text).intent()).isEqualTo(Intent.QUESTION);
    }

    @ParameterizedTest(name = "\"{0}\" is money paid by mistake")
    @ValueSource(strings = {"我把钱转错账户了对方不还", "微信转账多转了一千块", "网银汇错账号了", "手机银行打错钱了", "误转给陌生人了怎么办"})
    void moneyPaidByMistakeIsAQuestionTheRecogniserDoesNotReread(String text) {
        assertThat(router.classify(text).intent()).isEqualTo(Intent.QUESTION);
        assertThat(Router.paidByMistake(text)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is not money paid by mistake")
    @ValueSource(strings = {"被骗了转了两万", "有人冒充客服让我转账", "不好意思打错字了", "转账记录能当证据吗", "汇率算错了吗"})
    void paymentsAndTyposThatAreNotMistakenPaymentsAreLeftToTheRecogniser(String text) {
        assertThat(Router.paidByMistake(text)).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" lends to someone known: a settled question")
    @ValueSource(strings = {"借给朋友三万 没打借条 就有微信转账记录 能要回来不", "同事找我借了五千 说好月底还 现在装死",
            "前年借给我表哥两万块 写了借条 现在他说没钱"})
    void moneyLentToSomeoneKnownIsASettledQuestion(String text) {
        Utterance said = router.classify(text);

        assertThat(said.intent()).isEqualTo(Intent.QUESTION);
        assertThat(said.settled()).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is an insurer's refusal: a settled question")
    @ValueSource(strings = {"保险公司不赔重疾险 说我投保的时候没如实告知 可我根本不知道有这病",
            "车险出了事故保险公司拒赔 说我是酒后", "住院花了两万 保险不给报 说是既往症"})
    void anInsurersRefusalIsASettledQuestionNotAConsumerComplaint(String text) {
        Utterance said = router.classify(text);

        assertThat(said.intent()).isEqualTo(Intent.QUESTION);
        assertThat(said.settled()).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is a guarantor's liability: a settled question")
    @ValueSource(strings = {"给表哥贷款做了担保 他现在不还 银行找上我了 我咋办", "我是朋友网贷的担保人 他跑了 平台天天打我电话"})
    void aGuarantorsLiabilityIsASettledQuestionNotAFraud(String text) {
        Utterance said = router.classify(text);

        assertThat(said.intent()).isEqualTo(Intent.QUESTION);
        assertThat(said.settled()).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" may be a scam: not settled")
    @ValueSource(strings = {"网上认识的男朋友借了我八万 现在联系不上了", "借给朋友两万 结果他把我拉黑了"})
    void moneyLentToSomeoneMetOnlineOrVanishedIsNotSettled(String text) {
        assertThat(router.classify(text).settled()).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" is an emergency: {1}")
    @CsvSource({
            "他正在打我, 110",
            "家暴正在发生，快来人, 110",
            "他说要杀了我, 110",
            "我被绑架了, 110",
            "孩子被拐走了, 110",
            "有人抢劫, 110",
            "我不想活了, 110 120 12356",
            "我要跳楼, 110 120 12356",
            "我朋友流了很多血, 120",
            "老人昏迷了, 120",
            "家里着火了, 119",
            "楼下失火了, 119",
            "他正在打我，我流了很多血, 110 120",
            "有人在撬我家门, 110",
            "俺爹早上出门到现在没回来, 110",
            "老板把我们锁在厂里不让走 出不去, 110",
            "想从楼上跳下去, 110 120 12356",
            "活着还有啥意思, 110 120 12356",
            "我妈叫不醒了, 120",
            "厨房冒烟了, 119",
            "家里煤气味好重, 119",
            "我女儿放学一直没回家 电话也打不通, 110",
            "我老公喝醉了在砸东西 我好怕, 110",
            "工地上有人被埋了, 120 119",
            "孩子掉进河里了, 120 119",
            "电梯坏了有人被困在电梯里, 120 119",
            "小区电梯关人了 里面有老人, 120 119",
            "我被锁在车里了 孩子也在里面 好热, 120 119",
            "我老公刚才又动手打我了，现在他出去了，我带着孩子躲在邻居家, 110",
            "电梯卡在十二楼和十三楼中间了 我们四个人在里面 按铃没人理, 120 119",
            "河里有人掉下去了在扑腾 就在桥底下, 120 119",
            "下暴雨地下车库进水了，车里还有人没出来，水已经到腰了, 120 119",
            "老房子塌了半边 俺婶子压在底下 还能听见她在喊, 120 119",
            "小孩把脑袋钻到阳台栏杆里卡住了 拔不出来, 120 119",
            "去年他就打过我 今天又拿刀堵在门口 能告他吗, 110",
            "前夫之前威胁过我好多次 刚才他发微信说已经进我们小区了 还带了一桶汽油, 110",
            "隔壁一直在打小孩 打了快半个钟头了 孩子一直喊别打了, 110",
            "宿舍一个人中午吃了菌子 现在又吐又说看见满屋子小人, 120",
            "村里发大水 我公公婆婆被困在房顶上 水还在往上涨, 120 119",
            "我朋友开车冲到河沟里了 水已经淹到车窗了 他门打不开, 120 119",
            "老公今晚又喝多了 把我反锁在卧室 在外面砸东西, 110",
            "债主带人堵在俺家 不让俺们出门 已经三个多小时了, 110",
            "外卖小哥找到我家来了 在门口踹门骂 说要弄死我, 110",
            "我儿子刚给我发语音说被几个高年级的围在学校后面小树林打, 110",
            "孩子刚才误喝了一口桌上的农药 吐了, 120",
            "老婆怀孕八个月 刚刚滑了一跤 下面出血了, 120",
            "在山里被蛇咬了 腿肿得好快, 120",
            "喉咙发紧 喘不动气, 120",
            "楼道里全是烟 看不见路 门把手都烫手, 119",
            "电梯卡在两层中间 里面五个人 闷得很, 120 119",
            "今晚刀片又拿出来了 已经划了两道, 110 120 12356",
            "绳子已经挂好了 反正也没啥意义了, 110 120 12356",
            "老板把我们几个锁在厂里不让走 门还锁着, 110",
            "讨债的就在我家门口 拿着棍子 说不还钱卸我一条腿, 110",
            "刚被车撞了 腿动不了 躺马路边上, 120",
            "车掉河里了 水在往里灌 门打不开, 120 119",
            "我公公有老年痴呆 下午说出去遛弯 到现在天都黑了还没回来, 110",
            "催收的人现在就在我家门口拍门拍了半个钟头了 说不开门就把我拖出来打一顿, 110",
            "我老公躺在马路上腿都变形了一直流血, 120",
            "河边有个娃儿掉水里了 在那扑腾, 120 119",
            "车翻沟里了 我卡在驾驶座出不来 门打不开, 120 119",
            "官司输了孩子判给他了 我现在在楼顶天台上 没啥好留恋的了, 110 120 12356",
            "我想问事故责任怎么认定 刚才被车撞了 腿上骨头都戳出来了, 120",
            "刚才过马路被一辆面包车撞了 那车跑了, 120",
            "离婚判了孩子归我 前夫在门外踹门 说今天非要把孩子带走, 110",
            "我叔把农药当饮料喝了两口 现在吐得厉害, 120",
            "电梯停在两层中间 我跟孩子在里头 按铃没人理, 120 119",
            "楼道里充电的电动车在冒黑烟 还噼啪响, 119",
            "下大雨车库进水了 我妈还在车里 水都到车窗了, 120 119",
            "工友从架子上掉下来了 躺地上不动弹 老板不让打电话, 120",
            "老板不让辞职 把我们二十多个人关在厂房里 门从外面锁了 说不签字就不放人, 110",
            "讨薪的时候包工头叫了一帮人拿着钢管过来了, 110",
            "邻居家娃掉进地里的机井里了 能听见在哭, 120 119",
            "电梯卡在两层中间了 里面有我和我妈 按铃没人应, 120 119",
            "他刚发微信说对不起我和孩子 说他在江边 电话一直不接, 110 120 12356",
            "他不喘气了 怎么办啊, 120",
            "催收的找到我家门口了 踹门 说不还钱今天就别想出门, 110",
            "包工头带人把我们堵在工棚里不让出去 还动手了, 110",
            "有人说是公安 让我现在把钱转到安全账户 我正在转, 110",
            "俺家娃抽风了 眼睛往上翻 嘴里吐白沫, 120",
            "工地上有人从架子上摔下来了 腿骨都露出来了 老板说要私了, 120",
            "我姐刚发语音说要喝农药 人在老家, 110 120 12356",
            "车冲进沟里了 车门打不开 水在往里灌, 120 119",
            "下暴雨地库进水了 车里还有人 车门打不开, 120 119",
            "一伙人把我弟硬塞进面包车拉走了 说他欠钱不还, 110",
            "几个男的把我爸拽上车开走了, 110",
            "今天他跑到幼儿园把孩子抢走了 车往高速那边开, 110",
            "我室友把手腕割了 地上全是血 毛巾按着也止不住, 110 120 12356",
            "刚追尾了 前车的人头上好多血 车门变形打不开人出不来, 120 119",
            "车间里有人手被机器卷进去了 拔不出来, 120 119",
            "上山挖笋迷路了 天黑了 脚崴了走不动, 110 119",
            "电梯又卡了 上个月刚卡过一次 现在卡在两层中间 里面有个老太太 物业这样要担责吧, 120 119",
            "我想问下 单位不给交社保咋办…等下 他突然说胸口疼得厉害 满头大汗 左边胳膊也麻了, 120",
            "上次儿子喝农药被救回来了 他刚才又说活着没意思 把自己反锁在房间里, 110 120 12356",
            "讨薪讨了半年 今天几个工友爬上塔吊了 说不给钱就跳下来, 110 120 12356",
            "我男朋友刚把我从车上推下来 我腿动不了 他又倒回来了, 110 120",
            "房东带了几个人来赶我走 把我东西往楼下扔 推我撞墙上 头在流血 押金也不退, 110 120",
            "我老公上次打我报过警 今天他又掐我脖子 我刚跑出来 他在后面追 离婚要准备啥证据, 110",
            "饭店里隔壁桌打起来了 有人拿啤酒瓶子往人头上砸 血流一地 还在打, 110 120",
            "今天被公司辞了 想问能要多少赔偿 其实我现在就站在公司楼顶上 不太想下去了, 110 120 12356",
            "工地基坑塌了 两个工友埋下面了 还能听见喊, 120 119",
            "电梯卡两层中间了 里面是我妈 已经关了二十多分钟, 120 119",
            "楼道里全是黑烟 下不去 我们在7楼 门缝里一直往进冒烟, 119",
            "村头鱼塘有个老汉掉进去了 就刚刚 水深得很, 120 119",
            "我儿子在水库游泳 扎下去就没上来 好几分钟了 啷个办, 120 119",
            "我想咨询离婚孩子抚养权 我老公家暴 昨天打的我肋骨疼 今天早上开始咳血 喘气都疼, 120",
            "热水器那边一股臭鸡蛋味 我儿子在卫生间洗澡半天没出声了 门反锁了, 120 119",
            "想问下交通事故责任咋划分 我刚在高速上追尾了 前面那车变形了 里面有人卡着出不来 在漏油, 120 119",
            "咨询一下宅基地的事 邻居占了我家半米 上回吵过 今天他带了四五个人扛着锄头来了 要打我爹, 110",
            "河边有个娃儿掉水头了 在扑腾 我不会水 周围就我一个, 120 119",
            "去年他打我那次我没报警 现在他又来了 在楼下砸我车 说要上楼 那次没报警现在还能告他吗, 110",
            "请问子女不给赡养费能告吗 我爸刚给我打电话 说一个人在家胸口疼 话都说不连贯了, 120",
            "之前老板欠工资的事想问怎么起诉 现在老板带了四五个人把我堵在宿舍里 手上拿着钢管, 110",
            "渔船在水库中间翻了 两个人抱着船底 离岸好远, 120 119",
            "邻居家那条狼狗去年就咬过人 赔过钱的 今天又把我儿子腿咬了 血一直往外冒 狗还在院子里转悠, 110 120",
            "屋里烧着炭盆取暖 我跟老伴都头晕想吐 老伴已经站不起来了, 120 119",
            "我姐被她老公打了好几年 想问离婚能分到啥 刚才她给我发了一句 我撑不住了 跟孩子们说对不起 然后就再也不回了, 110 120 12356",
            "老公在车库修车 车一直打着火 我喊他半天不应 人歪在车门边上, 120",
            "我想咨询一下借款的事 对方欠我三万块 拖了一年 等下 他刚带人冲进我店里了 在砸柜台 手里有刀, 110",
            "之前问过工伤的事 我们工地现在又出事了 脚手架塌了 下面压着两个人 有一个没动静, 120 119",
            "想咨询抚养权 刚刚他在幼儿园门口把孩子硬抱上车开走了 孩子哭着喊妈妈 电话关机, 110",
            "我去欠钱的人家里要账 他把我关在他家仓库了 手机被收了 我用手表偷偷发的 他说要教训我, 110",
            // the twenty-fourth and twenty-fifth rounds
            "关注的一个博主在直播 说这是最后一次直播了 镜头一直对着天台外面, 110 120 12356",
            "出租屋里一股臭鸡蛋味 我室友头晕躺床上 叫她也不怎么应, 120 119",
            "孩子抚养费的事想问下 先不说了 幼儿园老师说孩子被一个女的接走了 不是她妈 我根本不认识, 110",
            "工伤咋赔想问一下 刚刚工地有个人从架子上掉下来了 头上流血, 120",
            "孩子在河里扑腾 我够不着 快来人, 120 119",
            "外孙刚还在塘边玩 一眨眼就不见了 鞋子还在岸上, 110 120 119",
            "屋后头那口枯井 隔壁小孩掉下去了 能听到他哭, 120 119",
            "煤矿透水了 我老公那个班还在井下 矿上啥也不说, 120 119",
            "我男人现在还再打我 孩子吓得直哭 上回离婚没判离 还能再起诉吗, 110",
            "拆迁的开着钩机来推房子了 我爸还在屋里头不肯出来 他们这样合法吗, 110",
            "我爸在院子里修电线触电了 倒在地上, 120",
            // the twenty-sixth round
            "我男人正在拿衣架抽我 以前也打过 这能离婚吗, 110",
            "水库边有个孩子刚被捞上来 没反应 嘴唇都紫了, 120",
            "工人在我家接电线被电了一下 人趴地上不动了 这个算谁的责任, 120",
            // police as well as an ambulance, once a fight has left someone on the ground
            "两个村的人为了水渠打起来了 手里都是铁锹 有个人倒在地上不动了, 110 120",
            // the twenty-seventh and twenty-eighth rounds
            "想问下继承的事 不好意思 我爸刚才在客厅突然倒下了 怎么叫他都不醒, 120",
            "楼上邻居独居的老太太倒在卫生间 地上有一摊血 只会哼哼, 120",
            "外面下大雪 我爷爷在山上放牛还没回来 电话里说冻得走不动了, 110 120 119",
            "本来想问工资的事 刚才工地基坑塌了 一个工友被土埋住了 我们正在挖, 120 119",
            "烧烤店门口两伙人还在打 有人拿着酒瓶 地上都是玻璃, 110",
            "学生给我发消息说 我的东西都留给你们了 再见 然后就关机了, 110 120 12356",
            "对面楼天台边上站着一个人 腿悬在外面 好久了, 110 120 12356",
            "地下车库正冒出大量黑烟 楼道里看不清楼梯了, 119",
            "我儿子在学校被好几个人拉到宿舍打 还没放他出来, 110",
            "合租的室友房里一股烧炭味 门反锁着 敲了没反应, 110 120 12356",
            "对门门缝往外冒烟 敲门没人开 里面是个独居老人, 120 119",
            "我被关在一间屋里手机被收了 他们逼我做网络诈骗 我这算犯罪吗, 110",
            // the twenty-ninth and thirtieth rounds
            "煤矿巷道塌了 里面还有三个人没出来, 120 119",
            "污水井里下去一个工人半天没上来 第二个下去也没动静了, 120 119",
            "渔船在海上漂了半天 船舱进水了, 110 119",
            "孙子放学没回来 天都黑了 到处找不到, 110",
            "冷库门打不开 我同事关在里头快一个小时了, 120 119",
            "雨下了一夜 后山往下滑 石头在滚 工棚里还有人, 120 119",
            "货车翻了 司机卡在驾驶室里出不来, 120 119",
            "停车场有辆车里有个人嘴上贴着胶带在拍窗户, 110",
            "朋友说他在天台上 发了最后一条朋友圈 电话打不通, 110 120 12356",
            "化工厂氨气罐漏了 车间里倒了好几个人, 120 119",
            "前夫在楼下手里拿着把刀 说要跟我同归于尽, 110",
            "电梯卡在5楼和6楼中间 里面我们三个人 有人喘不上气, 120 119",
            "我爸把我妈按在地上打 我拉不开, 110",
            // the thirty-first round
            "邻居家的狼狗咬住我女儿的手不松口, 110 120",
            "想问产检假的事 我现在在厕所 下面出了好多血 停不下来 怀孕30周, 120",
            "我儿子胳膊上全是划的口子 把自己锁在房间里, 110 120 12356",
            "上次问过赡养的事 刚才我妈又摔了 头磕破了在流血 说不清话, 120",
            "屋里好大一股煤气味 我爸躺床上怎么叫都不醒, 120 119",
            "钥匙锁车里了 孩子还在后座 外面好热, 120 119",
            // the thirty-second and thirty-third rounds
            "又有个人上门说他是检察院的 现在就坐在我家沙发上盯着我, 110",
            "屋里生的煤炉子 早上起来我和老伴都头疼 站都站不稳, 120 119",
            "收割机把我爸的手绞进去了 血流了一地, 120 119",
            "我奶奶打水掉井里了 听得见她在下面喊, 120 119",
            "儿子一巴掌把我打倒了 头磕在桌上还在流血 他还在屋里摔东西, 110 120",
            "演唱会散场人太多 挤得喘不上气 有人摔倒了, 110 120",
            "两帮人拿着砍刀在街上追着砍, 110",
            "又吃了二十片安眠药 想有人知道, 110 120 12356",
            "被骗去外地搞传销 一屋子人把手机收了不让走, 110",
            "那个跟踪我的人现在又在我家楼下站着 盯着我的窗户, 110",
            "喝了他递的饮料浑身发软 手都抬不起来 他说送我回家, 110 120",
            "室友洗澡一个多小时没出来 敲门也不应, 120",
            "朋友圈发了一句这辈子就到这了 配了张桥的照片 电话不接, 110 120 12356",
            "老板把我们锁在仓库里 门是从外面反锁的 说不签字别想走, 110",
            // the thirty-fourth round
            "楼上漏水 水漫过插座了 电还没拉闸 屋里还有小孩, 120 119",
            "轮椅卡在铁轨缝里了 道口栏杆放下来了, 110 119",
            "对面楼有个小孩坐在窗台外头 屋里没大人, 110 119",
            "租客好几天没回消息了 敲门没人开 门缝里一股臭味, 110 120",
            "有个男的一直往她肚子上踹 她怀孕了, 110 120",
            "被追尾了 腿卡在方向盘底下 车里汽油味好重, 120 119",
            // the thirty-fifth round
            "想问家暴怎么取证 他刚把我头往墙上撞 摸了一手血, 110 120",
            "商场停车场有辆车里锁着个小孩 大太阳底下 找不到车主, 110 119",
            "我弟在海边被浪卷走了 看不见人了, 120 119",
            "电工师傅趴那不动了 手还搭在电线上, 120 119",
            "两个人拎着钢管砸了我的店 现在还在门口蹲着, 110",
            "钢管倒下来压住工友的腿 几个人抬不动, 120 119",
            "他们在夜市堵我 往我肚子捅了一下 衣服全湿了, 110 120",
            "孩子在河堤上滑下去了 水很急 看不见了, 110 120 119",
            "我爷爷下午出去遛弯到现在没回 天快黑了, 110",
            // the thirty-sixth round: English and pinyin among them
            "wo de pengyou chi le hen duo yao xianzai bu dong le 怎么办, 110 120 12356",
            "我现在在江边的桥上站了很久 下面的水挺深的 其实也无所谓了, 110 120 12356",
            "my friend fell down the stairs 头出很多血 他不说话了, 120",
            "There is a man with a knife on the street he cut a woman she is not moving, 110 120",
            "化工厂有个罐子漏了 好几个人晕倒了 味道刺鼻, 120 119",
            "工友手碰到电线了 人倒地上还在抽, 120"})
    void routesEmergenciesToTheRightNumbers(String text, String numbers) {
        Utterance utterance = router.classify(text);

        assertThat(utterance.intent()).isEqualTo(Intent.EMERGENCY);
        assertThat(utterance.hotlines()).extracting(Hotline::number).containsExactly(numbers.split(" "));
    }

    @Test
    void anEmergencyWinsOverEverythingElse() {
        assertThat(router.classify("人工！他正在打我").intent()).isEqualTo(Intent.EMERGENCY);
        assertThat(router.classify("你好，着火了").intent()).isEqualTo(Intent.EMERGENCY);
    }

    @ParameterizedTest(name = "\"{0}\" tells of danger that is over: a question")
    @ValueSource(strings = {
            "上个月我们租的仓库着过一次火 存在里面的货全烧了 房东该不该赔",
            "家里老人走丢过一次 后来找回来了 现在想给他办个监护 咋弄 要去法院吗",
            "俺儿子小时候被拐过 后来找回来了 那个人贩子现在刑满放出来了 俺们还能找他要赔偿不",
            "前几天我在小区电梯里被困了两个多钟头 后来消防来才弄出来 物业要不要赔偿",
            "在KTV被人拿酒瓶砸了头 缝了八针 打人的跑了 警察立案了 我能告KTV吗",
            "啥叫正当防卫？要是有人拿刀砍我我把他打伤了算不算",
            "在菜市场手机被偷了 人当场抓到了 他说把手机还我就算了 偷东西不用负责任吗",
            "孩子课间在操场被同学推倒 门牙磕掉了 流了好多血 学校说是孩子之间的事不管 学校到底有没有责任啊",
            "我侄子十六 跟人打架拿刀把人胳膊划伤了 已经被带走了 这个年纪会坐牢吗",
            "邻居说我家小孩玩火把他家柴火垛烧了 要我们赔八千 他凭啥说是我家孩子",
            "老婆生孩子那次大出血 医院抢救过来了 但是子宫切了 这算医疗事故吗",
            "租的老房子煤气中毒 一家三口都送医院了 房东说跟他没关系 幸好都救回来了 是前年冬天的事 能找房东赔不",
            "电瓶车在楼下充电起火 把车棚烧了 人都没事 火也灭了 厂家要不要赔",
            "前几天隔壁仓库着火 烧到我存的货了 火早灭了 这个损失找谁陪",
            "假如有人半夜翻墙进我家偷东西 我把他打伤了 算正当防卫不",
            "我奶奶上回煤气中毒住了院 好了以后几个儿女都不想出医药费 能告他们吗",
            "年前厂里宿舍失火 我的东西全烧没了 人没事 厂里该不该赔",
            "要是出租屋着火了 房东没配灭火器 租客受伤了 房东要担责吗",
            // the one in danger said to be saved closes the matter, as a fire said to be out does
            "我妈做完胆囊手术第二天大出血又抢救了一回 现在人没事了 医院说是并发症 去哪做鉴定",
            "老婆生孩子大出血 抢救过来了 现在已经出院 医院那边是不是有过错 能要赔偿吗",
            "隔壁家孩子放鞭炮把我车烧了 去年的事 他家一直拖着不赔",
            "听说我们村有人租房子煤气中毒死了 房东要担责任吗 我也租的那种房",
            "假如我在路上喊救命 旁边的人都不管 见死不救犯法吗",
            "前几个月仓库着火 烧了我放在里面的货 房东说不关他事 我能要赔偿吗",
            "五年前被人拿刀抢过 前几天在街上看到那人了 他没看见我 想问他判了几年 我能查吗",
            "听说隔壁村有人因为宅基地吵架拿刀砍了人 这种要判几年啊",
            "我老婆生娃时大出血 医院抢救晚了 人现在没事了 但是子宫切了 能不能要赔偿",
            "上个月家里厨房着火了 火早灭了 烧坏了邻居的墙 邻居要我赔两万 合理吗",
            "上个星期在公交上看到有人拿刀抢包 后来人被抓了 我是证人 一定要出庭吗",
            "儿子在幼儿园被同学咬出血了 已经打了狂犬疫苗 幼儿园说不管 我能找谁赔",
            "上个礼拜单位食堂吃坏了 好几个人中毒了 现在都好了 单位该不该赔",
            "前年车间机器炸了 我一只眼睛炸瞎了 这个能评几级伤残",
            "看电视剧里有人被绑架 绑匪现实中会判几年",
            "我哥失踪十年了 一直没消息 家里想申请宣告死亡 要怎么办",
            "假如在商场被人偷拍 我把他拦住了 能没收他手机吗",
            "同事说他们小区有人被困在电梯里半天 物业也不管 我们这边要是出事物业要赔吗",
            "如果他以后再动手打我 我该怎么留证据 我们现在已经分居了",
            "琴日喺街度俾人打咗 而家冇事啦 可唔可以告佢",
            "老公前几天拿刀吓唬过我 现在已经分居了 能申请人身安全保护令吗",
            "电视上说有人被拐卖了二十年 拐卖人口判几年",
            "我爸去年中风瘫了 我姐一分钱不出 赡养费咋算",
            "我奶奶五年前走的 老房子一直没过户 现在咋办",
            "去年家里电暖器着火把房子烧了一半 能找厂家赔吗 发票找不到了",
            "老伴走了五年了 我想再找个老伴 再婚以后房子算谁的",
            "老伴银行里的存款 他没留遗嘱 我和孩子们咋分",
            "我婆婆活着的时候说过房子给我们 没写下来 口头说的算不算数",
            "要是有人上门骗我交钱 我给了 后来反悔了 钱能要回来不 我就是先问问 还没碰上",
            "假如男朋友把我锁家里不让出门 法律上算啥 纯好奇 不是真事哈",
            "昨天我妹走丢了三个小时 最后在公园找到了 没事 游乐场不让看监控合规吗",
            "上学期宿舍着火 隔壁寝室违规用电 我电脑烧坏了 能找谁赔",
            "前段时间群里有人晒砍刀说要去堵人 后来也没去 我截图了 这算违法吗",
            "上个月有个客人在我店里晕倒了 人早出院了 现在家属要我出医药费 凭什么",
            "三年前有个人拿刀威胁过我 后来判了 听说他快出狱了 我现在能申请啥保护措施不",
            "昨天夜里出租屋煤气漏了 燃气公司已经来修好了 我能退租拿回押金吗",
            "上礼拜家里厨房着火了 消防来扑灭了 保险公司说不赔 咋整",
            "那天商场电梯突然往下掉 我在里面关了四十分钟 后来救出来了 能要精神损失费吗",
            "如果有人在网上说要杀我全家 这种威胁能立案吗",
            "看新闻说有工人讨薪爬楼 要是我也被欠薪 有什么合法的办法",
            "几年前借过高利贷 那人当时说不还就要我的命 欠条还在他手里 这钱还要还吗"})
    void dangerToldInHindsightIsAQuestion(String text) {
        Utterance said = router.classify(text);

        assertThat(said.intent()).isEqualTo(Intent.QUESTION);
        assertThat(said.hotlines()).isEmpty();
    }

    /**
     * The past is looked for clause by clause: a clause that states the danger with no word of its
     * time is read as now, even when a later one says it is over. A needless emergency reply is
     * the price of never setting aside "工地上刚有人从脚手架摔下来 后脑勺一滩血…去年也摔过一个".
     */
    /** Kept from going out for weeks is a matter for 12338 or a question, not 110: "不让俺们出门" of a siege is. */
    @ParameterizedTest(name = "\"{0}\" tells of control, not danger now")
    @ValueSource(strings = {"结婚十年一直被他骂 工资卡被他拿走 不让我出门见朋友 有没有地方能帮帮我",
            "老公管得严 不让我出门上班 这算家暴吗"})
    void controlOverAWifesLifeIsNoKeywordEmergency(String text) {
        assertThat(router.classify(text).intent()).isNotEqualTo(Intent.EMERGENCY);
    }

    @ParameterizedTest(name = "\"{0}\" pays what is owed: no fraud call")
    @ValueSource(strings = {"法院判了让我现在转钱给原告 我没那么多钱怎么办", "银行客服说逾期了让我现在转账还款 利息合法吗"})
    void aTransferAskedForByACourtOrALenderIsNoEmergency(String text) {
        assertThat(router.classify(text).intent()).isNotEqualTo(Intent.EMERGENCY);
    }

    @ParameterizedTest(name = "\"{0}\" states danger in a clause of its own: an emergency")
    @ValueSource(strings = {
            "出租屋煤气泄漏 我和室友都中毒住了一个礼拜院 现在出院了 房东要不要负责",
            "工地上刚有人从脚手架摔下来 后脑勺一滩血 喊他没反应 去年也摔过一个老板赔了钱 这次老板是不是也得赔",
            "我家孩子以前也丢过 这次放学被一个陌生男的抱走了 学校要负责吗",
            // someone saved before is no one saved now
            "我爸上次中风抢救过来了 今天又倒在地上叫不醒 医院要负责吗",
            "人都没事了 但是火还在烧 物业要赔吗",
            "上个月跟房东打官司的事想问下 算了先不说 房东带了两个人闯进来了 把我往外拖 还掐我脖子"})
    void dangerStatedInAClauseWithoutItsTimeIsAnEmergencyWhateverElseIsPast(String text) {
        assertThat(router.classify(text).intent()).isEqualTo(Intent.EMERGENCY);
    }

    @ParameterizedTest(name = "\"{0}\" tells of self-harm in hindsight: a question closed with 12356")
    @ValueSource(strings = {"公司说我之前自杀未遂 精神有问题 要开除我 这合法吗",
            "我表弟去年说要自杀 后来被救回来了 现在挺好 怂恿他的那个人能告吗",
            "听村里人讲 有家人老的喝农药走了 家里人跟村委会闹着要钱 这个合法不",
            "朋友借了我五万 当时说不还就去跳楼 现在真不还了 电话也不接 我咋要回来",
            "我哥在工地跳楼没了 公司说他自己想不开跟他们没关系 我们家属能要到赔偿吗",
            "上次割腕住院的钱医保不给报 说是自残不报 这合法吗",
            "我哥之前跳楼 没救回来 他生前有网贷 这个要家里人还吗",
            "我弟前年自杀了 留下一套房子和一些网贷 他没结婚 我们家里人要替他还债吗",
            "我们楼前天有人跳楼了 房子会不会贬值 能找开发商退房吗"})
    void selfHarmToldInHindsightIsAQuestionThatClosesWithTheCrisisLine(String text) {
        Utterance said = router.classify(text);

        assertThat(said.intent()).isEqualTo(Intent.QUESTION);
        assertThat(said.hotlines()).containsExactly(Hotline.CRISIS);
    }

    @ParameterizedTest(name = "\"{0}\" goes to {1}")
    @CsvSource({
            "小区路灯坏了好几天了, 12345",
            "我要投诉物业, 12345",
            "路边有人占道经营, 12345",
            "马路上井盖丢了, 12345",
            "邻居在楼顶搞违建 去哪举报, 12345",
            "违章搭建没人管吗, 12345",
            "我要投诉这家网店, 12315",
            "商品质量投诉打什么电话, 12315",
            "卖家卖假货我想举报, 12315",
            "社保卡丢了怎么补办, 12333",
            "怎么查询我的社保, 12333",
            "养老金怎么查, 12333",
            "被家暴了去哪里求助, 12338",
            "妇女权益受到侵害找谁, 12338",
            "我被骗了三万块钱, 110",
            "对方冒充公检法让我转账, 110",
            "刚转了钱对方就把我拉黑了, 110",
            "刷单平台提不了现, 110",
            "健身房突然关门了 我卡里还有三千多没用 老板电话也关机了, 12315",
            "办的美容院储值卡 店跑路了, 12315",
            "网上刷单 前几单都返了 后来投了两万多就提不出来 客服把我拉黑了, 110",
            "工地干了两个月 包工头一分钱没给 举报打啥电话, 12333",
            "公司一直没给我交社保 我要去投诉, 12333",
            "楼下KTV天天吵到半夜 想投诉他们, 12345",
            "厂里拖了半年工资 我们几个想去劳动局投诉, 12333",
            "包工头欠了我们三个月工钱 去哪告他, 12333",
            "社保断了两个月 公司说交了 查不到记录 找谁查, 12333",
            "老板拖着我们的工钱不给 想找劳动监察大队, 12333",
            "他喝醉了就动手 过后又认错 我不知道找谁说说心里话, 12338",
            "干了三个月 老板一分钱没发 想去劳动部门告他, 12333",
            "办居住证的窗口推来推去 跑了四趟都没办成 我要投诉他们, 12345",
            "隔壁那家在楼顶私搭了个铁皮房 挡我家的光, 12345",
            "办的健身卡 店突然关门了 老板联系不上 卡里还有三千多, 12315",
            "22路公交老是不按点来 司机态度还差 想投诉, 12345",
            "我们厂拖了三个月工资了 我想举报 劳动监察去哪找, 12333",
            "邻居家小孩好像经常挨饿 大冬天穿个单衣 不晓得该找哪个部门反映, 12338",
            "邻居家小孩十来岁 天天不让上学 在家带弟弟 还老挨骂 我们该找谁, 12338",
            "隔壁家孩子老是一个人在家 饭都吃不上 大人好几天不回来 这个找谁管, 12338",
            "邻居家小孩爸妈在外打工 跟着奶奶 孩子天天饿肚子没人管, 12338",
            "邻居家娃七八岁 天天一个人在家 饭都吃不上 爸妈都在外地 谁能管管, 12338",
            // the twenty-fourth and twenty-fifth rounds
            "楼下那家的小孩一个人在家好几天了 大人不回来 孩子饿得哭, 12338",
            "我是班主任 有个男孩老被他爸打 身上青一块紫一块 该向谁反映, 12338",
            "我儿媳对孙子不好 经常不给饭吃 我管不住她, 12338",
            "办的游泳卡才去了三次 老板就卷钱跑路了 店都关了, 12315",
            "镇上买的化肥是假的 庄稼一点没长 卖化肥的不认账, 12315",
            "淘宝买的电脑是二手的 卖家死活不给退, 12315",
            "小区停电两天了 也没个通知 这到底归谁管, 12345",
            "隔壁小孩五六岁 天天一个人在家 饭都没得吃 大人几天不见人, 12338",
            "那孩子爸妈离婚以后都不要她 丢给七十多岁的外婆 学也不上了 没人管, 12338",
            "刚刚有个自称京东客服的说要给我退款 让我开了共享屏幕 卡里三万没了, 110",
            "工资拖了两个月 想去劳动监察那里投诉 怎么弄, 12333",
            "有个学生跟我说后妈不给她饭吃 还拿衣架抽她 我该向哪反映, 12338",
            "隔壁小孩一个人在家 没人给饭吃 瘦得皮包骨, 12338",
            "我们厂天天加班到半夜 一分加班费没有 求劳动局来查一查, 12333",
            "想让劳动监察大队出面 帮我们把工钱要回来, 12333",
            "我要举报隔壁厂用童工, 12333",
            "有人冒充我们老板加我微信 我刚转了一万过去, 110",
            "有人打电话说我女儿出车祸要交手术费 我转了八千 后来打给她 她好好的在上班, 110",
            "楼下爷爷老拿皮带抽孙女 孩子腿上青一块紫一块的 不止一次了, 12338",
            "对门小孩老被关在门外 大冬天穿着单衣 大人也不管, 12338",
            "邻居家小孙女爸妈都不管 天天不上学 有没有部门能管管, 12338",
            "刚才有人打电话说是我孙子 要我转两万保释金 我已经转过去了 越想越不对, 110",
            "实习三个月一分钱没发 能去哪告他们, 12333",
            "出租车候客点突然划成禁停了 也没见公告 我们想反映一下, 12345",
            "物业把消防通道划成收费车位了 想向政府反映, 12345",
            "查了社保记录才发现单位少给我交了两年 想举报, 12333",
            "隔壁小孩老被关在门外 饿了跑来我家要吃的 我想反映一下, 12338",
            "婆家逼我生二胎 不生就不让我见女儿, 12338",
            "someone said he is from my embassy I sent him 5000 yuan now I cannot contact him, 110",
            "我妈在讲座上买了几千块保健品 说能降血压 根本没用 想退, 12315",
            "孩子的入学报名系统一直登不上 学校也说不知道找谁, 12345",
            "我们村有个女孩才十五 家里逼她嫁人, 12338",
            "在4S店提的新车 后来发现车门是补过漆的 销售不承认, 12315"})
    void refersMattersForOtherHotlines(String text, String hotline) {
        Utterance utterance = router.classify(text);

        assertThat(utterance.intent()).isEqualTo(Intent.REFERRAL);
        assertThat(utterance.hotlines()).extracting(Hotline::number).containsExactly(hotline);
    }

    @ParameterizedTest(name = "\"{0}\" tells of a fraud with nothing left to stop: a question")
    @ValueSource(strings = {"之前有人冒充公安给我打电话 我没信挂了 他们能报出我的身份证号 我的信息是谁泄露的",
            "我被骗了五万 已经报警了 骗子也抓到了 钱能追回来吗",
            "好几年前被骗进传销 后来跑出来了 那时候交的钱还能要回来不",
            "前几年被骗去搞传销 交了三万 现在还能要回来吗",
            "去年被网贷骗了六万 报了案一直没消息 这钱还能追回来吗",
            "去年被骗了三万 已经立案了 一直没消息 我能自己起诉骗子吗",
            "我侄子被抓了 说是把银行卡借给别人用 会判刑吗 能取保吗",
            "去年被人骗了两万 人都抓了 钱能退回来不",
            "2018年被网贷骗了五千 现在还能追回来吗",
            "几年前身份证被人骗去办了网贷 现在收到法院传票让我还钱 我根本没借过",
            "一八年被中介骗了三千 现在还能追回来不",
            "以前网购被骗过两千 当时没报案 现在还能立案吗",
            "被骗的钱转到了一个跑分的人卡上 他要担责任吗"})
    void aFraudSeenThroughOrAlreadyReportedIsAQuestion(String text) {
        assertThat(router.classify(text).intent()).isEqualTo(Intent.QUESTION);
    }

    @ParameterizedTest(name = "\"{0}\" asks the law of another hotline's matter: a question")
    @ValueSource(strings = {"邻居在楼顶搭了个违建 我作为业主能不能起诉让他拆", "理发店倒闭了 卡里还有两千 法律上我能找谁要",
            "小区停电两天没通知 冰箱里的东西坏了 物业要不要赔我损失"})
    void theLawAskedOfACityConsumerOrLabourMatterIsAQuestion(String text) {
        assertThat(router.classify(text).intent()).isEqualTo(Intent.QUESTION);
    }

    @ParameterizedTest(name = "\"{0}\" only supposes another hotline's matter: a question")
    @ValueSource(strings = {"听说有人冒充公检法骗钱 假如我真被骗了 银行有没有责任赔", "要是被骗了转了钱 能起诉银行吗"})
    void aReferralOnlySupposedToAskTheLawIsAQuestion(String text) {
        assertThat(router.classify(text).intent()).isEqualTo(Intent.QUESTION);
    }

    @ParameterizedTest(name = "\"{0}\" is a greeting: {1}")
    @CsvSource({
            "你好, HELLO",
            "您好！, HELLO",
            "hi, HELLO",
            "Hi~, HELLO",
            "在吗？, HELLO",
            "你好，在吗, HELLO",
            "谢谢, THANKS",
            "谢谢你！, THANKS",
            "好的谢谢, THANKS",
            "好的, ACK",
            "再见, GOODBYE",
            "谢谢，再见, GOODBYE",
            "是真人吗, SMALL_TALK",
            "你是机器人吗？, SMALL_TALK",
            "你们是谁啊, SMALL_TALK",
            "12348吗, HELLO",
            "喂 这是12348法律咨询不, HELLO",
            "早上好 辛苦了👍, THANKS",
            "晚安 你们辛苦了👍, GOODBYE",
            "你们辛苦了, THANKS",
            "这是12348热线吗, HELLO",
            "哈喽 这里是法律咨询吧 先打个招呼, HELLO",
            "你好 先打个招呼, HELLO",
            "早上好 今天下雨你们也上班啊, HELLO",
            "下午好 天气真热 你们辛苦了, THANKS",
            "刚关注 这个号是干嘛的呀, HELLO",
            "早上好 今天下大雨 出车的师傅们都小心点 你们也辛苦了, THANKS",
            "谢谢你们啊 上次问的押金那个事已经解决了 房东退了, THANKS",
            "上次你们帮了我很多 xiexie ni men, THANKS"})
    void recognisesGreetingsAsTheWholeMessage(String text, Utterance.GreetingKind kind) {
        Utterance utterance = router.classify(text);

        assertThat(utterance.intent()).isEqualTo(Intent.GREETING);
        assertThat(utterance.greeting()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "\"{0}\" picks {1}")
    @CsvSource({"1, 1", "１, 1", "第一个, 1", "选2, 2", "第3个, 3", "三, 3", "2号, 2", "4, 4", "我选择2, 2"})
    void readsPicks(String text, int number) {
        Utterance utterance = router.classify(text);

        assertThat(utterance.intent()).isEqualTo(Intent.PICK);
        assertThat(utterance.pick()).isEqualTo(number);
    }

    @ParameterizedTest(name = "\"{0}\" asks whether legal aid is possible")
    @ValueSource(strings = {"我能申请法律援助吗", "可以申请法律援助吗？", "我符合法律援助条件吗", "法律援助的条件是什么",
            "申请法律援助需要什么条件", "怎么申请法律援助", "法律援助自测"})
    void asksAboutLegalAid(String text) {
        assertThat(router.classify(text).intent()).isEqualTo(Intent.LEGAL_AID);
    }

    @ParameterizedTest(name = "\"{0}\" is a question, not the pre-check")
    @ValueSource(strings = {"法律援助中心几点上班", "法律援助律师收费吗", "律师事务所怎么收费"})
    void questionsAboutLegalAidOfficesStayQuestions(String text) {
        assertThat(router.classify(text).intent()).isEqualTo(Intent.QUESTION);
    }

    @ParameterizedTest(name = "\"{0}\" asks where an office is, not for the pre-check or the duty lawyer")
    @ValueSource(strings = {"法律援助中心在哪里", "附近有没有法律服务所", "附近有律师事务所吗", "最近的公证处在哪", "离我最近的律所",
            "我家附近的司法所地址"})
    void askingWhereAnOfficeIsFindsOffices(String text) {
        assertThat(router.classify(text).intent()).isEqualTo(Intent.FIND_OFFICE);
    }

    @ParameterizedTest(name = "\"{0}\" asks to see the cited articles")
    @ValueSource(strings = {"查看法条", "看法条", "法条原文", "查看条文", "查看法条。", " 查看 法条！", "“查看法条”", "看看法条原文",
            "我要查看法条", "条文原文"})
    void readsAskingForTheArticles(String text) {
        assertThat(router.classify(text).intent()).isEqualTo(Intent.SHOW_ARTICLES);
    }

    @ParameterizedTest(name = "\"{0}\" is a question about the law, not 查看法条")
    @ValueSource(strings = {"法条是怎么规定的", "劳动合同法第三十条是什么意思", "哪条法条规定了加班费", "查看法条要收费吗"})
    void questionsMentioningArticlesStayQuestions(String text) {
        assertThat(router.classify(text).intent()).isEqualTo(Intent.QUESTION);
    }

    @ParameterizedTest(name = "\"{0}\" cancels")
    @ValueSource(strings = {"取消", "取消排队", "取消。", "不用了", "算了", "结束", "结束咨询", "取消回电", "退出"})
    void readsCancel(String text) {
        assertThat(router.classify(text).intent()).isEqualTo(Intent.CANCEL);
    }

    @ParameterizedTest(name = "\"{0}\" has no words")
    @ValueSource(strings = {"", "   ", "😀", "👍👍？！", "？？？", "...", "10"})
    void textWithoutLettersIsWordless(String text) {
        assertThat(router.classify(text).intent()).isEqualTo(Intent.WORDLESS);
    }

    @Test
    void patternsDoNotBacktrackOnLongRepetitiveText() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            router.classify("嗯".repeat(29) + "x");
            router.classify("嗯".repeat(10_000));
            router.classify("谢谢".repeat(5_000) + "？");
            router.classify("家暴".repeat(5_000));
        });
    }
}
