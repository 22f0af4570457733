package org.lawline.conversation.dialog;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what a message is before anything is searched, by keyword rules checked in a fixed
 * order: danger now (unless told in {@link Hindsight}), then cancel and number picks, then asking for a person, 查看法条, legal aid, other
 * hotlines, greetings, and finally "a question". Thread safe and stateless.
 *
 * <p>The rules run on {@link Texts#compact compacted} text, so spacing, punctuation and full-width
 * forms don't matter. Whole-message rules (person, greeting, pick, cancel) are anchored: "律师" asks
 * for a person, "律师费谁出" is a question.
 */
final class Router {

    /**
     * Danger happening now. These deliberately over-trigger on self-harm words ("自杀", "不想活"):
     * telling someone who only asked a legal question about it to call 120 costs one more message;
     * missing a person in danger costs more. Crime names that citizens ask about as law (拐卖, 抢劫,
     * 失火, 绑架) only count in forms that say it is happening: "被拐走", "有人抢劫", "失火了".
     */
    private static final List<Rule> EMERGENCIES = List.of(
            new Rule(Pattern.compile("正在被?(打|殴打|家暴)|[在正]打我|打死我|家暴正在|要杀|杀了我|杀人了|拿刀(砍|捅|威胁|追)"
                    + "|被绑架|绑架了|被拐卖|被拐走|孩子被?拐|正在抢劫|抢劫我|被抢劫|有人抢劫|^救命(?!钱)|救命啊"
                    // someone raging in the home: "他喝醉了在砸东西"; violence of minutes ago: "刚才又动手打我了"
                    + "|(在|正在)(外面|门外|屋里|家里|客厅)?(砸|摔)(东西|家具|家里|门|窗户?|电视)|刚(才|刚)(他|她|又|还|动手)*打(了)?我"
                    // held or besieged: "门口有人守着", "债主带人堵在俺家 不让俺们出门"; threats at the door: "说要弄死我"
                    + "|有人守着|门口有人看着|不让(我|我们|俺|俺们)出门(?!见|找|上班|打工|玩|交|和|跟|逛|买)|不让(我|我们|俺|俺们)(出去|离开)(?!打工|上班|工作|玩|见|找)|(堵|关|锁|困)在.{0,8}不让(我|我们|俺|俺们)?(出去|出来|走|离开)|堵在(我|俺|我们|俺们)家|把我(反)?锁在|弄死(我|你|我们)|砍死(我|你)|卸(我|你)(一条)?(腿|胳膊)|打断(我|你)的?(腿|胳膊)"
                    + "|(就|正|还)在(我家|家|楼)?门口.{0,10}(拿着|带着|提着)|(在|就在)(我家|家)?门口.{0,4}(拍|砸|踹)门"
                    // "前夫现在在门外踹门 …门都被踹变形了"
                    + "|(门外|外面|楼道|屋外)(拍|砸|踹|撬)门|门口.{0,4}(拍|砸|踹|撬)门|别想出(门|去)|在(踹|砸|撬)(我家|我们家|俺家)?的?门|门(都)?(被|让他|叫他)?(踹|砸|撬)(变形|坏|开|烂|破)了"
                    + "|(拍|砸|踹)门.{0,4}(拍|砸|踹)?了?(半个钟头|半天|好久|一直)|拖出来打|把我.{0,4}打一顿"
                    + "|(围|堵)(在|着).{0,12}打|被(几个|一群|好几个|一帮).{0,6}(围|堵).{0,8}打"
                    // a weapon at the door: "今天又拿刀堵在门口"
                    + "|拿(着)?(刀|棍子?|斧头|菜刀|枪|砖头|钢管|铁棍|木棍|棍棒|铁锹|锤子|扳手).{0,8}(堵|守|站|(?<!现)在|冲|进|追|找|砸|过来)"
                    // petrol brought to a quarrel; a child beaten next door, now
                    + "|(带|拿|提|拎|买)(了|着)?.{0,4}汽油|(泼|浇)(了)?汽油|烧死(我|你|她|他|全家)"
                    + "|(一直|正|还)在打(小孩|孩子|人|老婆|媳妇|她|他)|别打了"
                    // a child taken by a stranger: "放学被一个陌生男的抱走了"
                    + "|(陌生|不认识)的?(男|女)?(人|的)?.{0,4}(抱走|带走|拉走|拽走|拖走|抢走)"
                    // forced into a car: "一伙人把我弟硬塞进面包车拉走了"; a child snatched today: "今天他跑幼儿园把孩子抢走了"
                    + "|(塞|拽|拖|架|绑|推|抓|抱)(进|上)了?.{0,6}车.{0,6}(拉走|带走|开走|跑了|走了)"
                    // held by a debtor: "他把我关在他家仓库了 手机被收了 …他说要教训我"
                    + "|把(我|我们|俺)(关|锁)在.{0,10}(手机|电话).{0,4}(被)?(收|抢|拿|没收)|(要|说要)教训(我|你|我们)"
                    + "|(刚才|刚刚|今天|现在|正在|刚).{0,16}(孩子|小孩|娃|儿子|女儿|闺女)(给)?(抢|抱|拽|夺)走"
                    // "我男朋友刚把我从车上推下来 我腿动不了 他又倒回来了"
                    + "|又(倒|开|追|冲|找)回来了"
                    // "今天他又掐我脖子 我刚跑出来 他在后面追", "房东带了几个人来赶我走 把我东西往楼下扔"
                    // not "动不动掐我脖子", violence as a habit (12338)
                    + "|(?<!动不动|经常|老是|总是|一吵架就|一喝酒就)掐(住)?(我|她|他|孩子)?的?脖子|(在|从)?(后面|后头)追(我|过来|着)|追着(我|要)?打"
                    + "|(带|叫)了?([0-9一二两三四五六七八九十几]+个|几个|一帮|一群|好几个|一伙)人.{0,10}(来|过来).{0,10}(赶|打|砸|扔|推|抢|堵)"
                    // "今天他带了四五个人扛着锄头来了 就在院子里 要打我爹"
                    // "现在老板带了四五个人把我堵在宿舍里 手上拿着钢管"; a dog that bit still loose
                    + "|把(我|我们|俺|俺们)(堵|围)(在|住)|(狗|狼狗|藏獒|大狗).{0,6}(还在|又在).{0,6}(转|咬|追|扑)"
                    // "他刚带人冲进我店里了 在砸柜台 手里有刀"
                    + "|(在|正在)砸(柜台|店|东西|玻璃|家具|桌子|门窗)|手(里|上)(有|拿着|拿|握着|攥着)(刀|棍|刀子|斧头|钢管|枪|菜刀)|冲进(我|我的|我们)?(店|家|屋|门)"
                    // "现在他又来了 在楼下砸我车 说要上楼"
                    + "|(在|正在)(楼下|门口|外面|院子里)?砸(我|我家|我的)?的?车|说要(上楼|上来|进来|冲进来)"
                    + "|(扛着|举着|抡着)(锄头|铁锹|镰刀|棍子|棒子|刀|斧头|扁担)|要打(我|我爹|我爸|我妈|我娘|俺爹|俺娘|俺|人)(?!官司|电话)"
                    // a fight in a restaurant: "有人拿啤酒瓶子往人头上砸 血流一地 还在打"
                    + "|还在打(架|人|他|她|我|孩子|老婆)|还在打(呢|啊|呀)?$|打起来了.{0,24}(砸|血|刀|锄头|镰刀|棍|铁锹|钢管|斧头|扁担|倒地|不动了)"
                    + "|(酒瓶|啤酒瓶|瓶子|板凳|椅子|砖头).{0,6}(往|朝).{0,6}(头|脑袋|身)上?砸"
                    // 在 typed as its homophone: "老公现在还再打我"
                    + "|(现在|还|正)再(打|砸|踹)(我|孩子|娃|人|门)"
                    // "门口两伙人还在打，有人拿着啤酒瓶"; "在学校被几个人拖进厕所打"; "我被关在一个屋里手机被收了 …他们逼我做网络诈骗"
                    + "|(两伙人|两帮人|几个人|一群人|一帮人|好几个人).{0,4}(还在|正在|在)打|拿着(啤酒瓶|酒瓶|瓶子|砖头|板凳)"
                    // "手里拿着把刀 在喊…跟我同归于尽"; "把我妈按在地上打 我拉都拉不开"; "嘴上贴着胶带"
                    + "|手(里|上)(有|拿着|拿|握着|攥着)(一)?把(刀|菜刀|斧头|枪|刀子)|同归于尽|按在地上打|拉都拉不开"
                    + "|嘴(上|巴)?(被)?(贴着|封着|缠着|贴了|封了)胶带|手脚(都)?(被)?(绑|捆)(着|住|了)"
                    + "|被(几个|一群|好几个|一帮).{0,6}(拖|拉|拽|关|按)(进|到|在)?.{0,6}打"
                    + "|(我|我们|俺)被(关|锁)在.{0,10}(手机|电话).{0,4}(被)?(收|抢|拿|没收)|逼(我|我们|俺)(做|搞|干|去)(网络|电信)?诈骗"
                    // a beating with something in hand, now: "我老婆正在拿皮带抽我"
                    + "|(正|正在|又在|还在)(拿|用).{0,4}(抽|打|揍|砸)(我|孩子|娃|人)"
                    // a child fetched from school by someone not of the family: "老师说下午被一个男的接走了 不是她爸"
                    + "|(接|带|领|抱)走(了)?.{0,8}不是(她|他|孩子|娃)?的?(爸|妈|爷|奶|姥|外公|外婆|家里人|亲戚|我们)"
                    // a house pulled down with someone inside: "挖掘机在推我家房子 我妈还在屋里头"
                    + "|(挖掘机|铲车|推土机|钩机|拆迁队).{0,16}(还在|有人在|人在)(屋里|里面|里头|屋头)|(还在|有人在)(屋里|里面|里头).{0,12}(挖掘机|铲车|推土机|钩机)"),
                    EnumSet.of(Hotline.POLICE)),
            // thrown from a car or down the stairs: hurt by someone, now
            new Rule(Pattern.compile("把(我|她|他|孩子|人).{0,6}(推|踹|扔|拽|甩)下(车|来|楼梯|楼)"),
                    EnumSet.of(Hotline.POLICE, Hotline.AMBULANCE)),
            // break-ins, people held against their will, and the missing: said as happening now
            new Rule(Pattern.compile("有人(在)?(撬|砸|踹)(我家?的?)?门|(撬|砸)我家?的?门|小偷(在|进|还在)|进了?小偷|家里进人了"
                    + "|(被|把我们?(几个|俩|仨|[0-9一二两三四五六七八九十]+个)?)(关|锁)(在|起来).{0,10}(出不去|不让(我们?)?(走|出))|不让我出门.{0,6}(收了|没收)"
                    // someone with dementia out on a walk: "有老年痴呆 下午出去遛弯 到现在天都黑了还没回来"
                    + "|(老年痴呆|痴呆|糊涂|遛弯|散步|溜达).{0,20}(还没回来|没回家|找不到了|走丢了?|不见了)"
                    // "把我们十几个工人关在宿舍里，门从外面锁了，两个保安守着，说不签字就不放人"
                    + "|门(被)?从外面(锁|反锁|锁上|锁住)|从外面(把门)?(锁|反锁)(了|上|住)|不放人|(保安|打手|几个人|两个人|一帮人)(在门口)?守着"
                    // a fraud call going on: "有人打电话说是公安 让我现在把钱转过去 我正在转"
                    + "|((说是|自称|冒充|假装|说他是)(是)?(公安|警察|公检法|检察院|法院|客服|银行)|安全账户|验证码)"
                    + ".{0,30}(正在转|我在转|正转着|马上转|现在转|让我现在.{0,4}转)"
                    + "|(孩子|小孩|娃|宝宝|孙子|孙女|外孙|儿子|女儿|闺女|老人|爹|妈|爷爷|奶奶|外婆|姥姥|老爷子|老太太|公公|婆婆|岳父|岳母)"
                    + ".{0,12}(不见了|找不到了|走丢了?|没回来|失联了"
                    // "放学一直没回家": only with when they left, as "儿子过年没回家" is about support
                    + "|(放学|下班|出门|出去|昨晚|昨天|今早|一晚上|一夜|一整天|半夜|天黑).{0,6}(没回家|没到家|没有回家))"),
                    EnumSet.of(Hotline.POLICE)),
            new Rule(Pattern.compile("自杀|不想活|轻生|寻死|跳楼|跳河|割腕|活不下去|想死|去死了?算了|一了百了|不如死了|活着没(啥|什么)?意思"
                    // "今天几个工友爬上塔吊了 说不给钱就跳下来"
                    + "|就(跳下来|跳下去|从.{0,6}跳)|爬(上|到)了?.{0,4}(塔吊|楼顶|天台|顶楼|高压线塔|电线杆|吊车|桥栏杆)"
                    + "|(从|往)楼上跳|跳下去|活着(还)?有(啥|什么)意思|吃了(一瓶|一整瓶|好多|很多)(安眠)?药"
                    + "|(手腕|腕子|动脉)(给)?(割|划)(了|开|破)|(割|划)(了|破|开)(手腕|腕子|动脉)|刀片|划了(一|两|几|好几)?(道|下)|没(啥|什么)(好)?留恋|(我现在|我|现在)(在|站在|爬到|坐在)(楼顶|天台|顶楼)|(站|坐|蹲|爬)(在|到|上)了?.{0,6}(楼顶|天台|顶楼|窗台|楼边|桥栏杆)(上)?.{0,8}不(太)?想下(去|来)|不(太)?想下去了|绳子(已经|都)?(挂|系|拴)好|(要|想|准备|去)上吊|炭(都|已经)?(点|烧)(上|着)|(要|想|准备)(喝|吃)(农药|药|安眠药|老鼠药|敌敌畏|百草枯)|(要|想|准备)(跳楼|跳河|割腕)"
                    // a farewell: "刚才发微信说对不起我和孩子 说他在江边 电话打了十几个都不接"
                    // "刚才她给我发了一句 我撑不住了 跟孩子们说对不起 然后就再也不回了 打电话也不接"
                    + "|(撑不住了|说对不起|对不起).{0,30}(再也不回|不回了|不接|关机|联系不上)"
                    // a farewell on a livestream: "说这是最后一次直播了 谢谢大家这些年 然后镜头对着楼顶边上"
                    + "|最后一次(直播|发|说话|联系)|(这是|是|发了)最后一(条|个)(消息|信息|微信|短信|电话|视频|朋友圈)|(让我|托我|叫我)(帮(他|她))?照顾(好)?(他|她)的(猫|狗|孩子|爸妈|父母)|别做傻事|谢谢大家(这些年|这么多年)|(对着|站在|坐在|走到)(楼顶|天台|桥)边"
                    // "楼顶边上坐着一个人，腿垂在外面"; things given away, then silence: "我的书都留给班里了，再见。”然后就再也不回了"
                    + "|(楼顶|天台|顶楼|楼边|窗台|桥)(边)?(上)?(坐着|站着|蹲着)(一个)?人|腿(垂|吊|悬|耷拉)在(外面|外边|外头)"
                    + "|(都|全)留给(你|您|班里|大家|同学|妈|爸|你们|孩子).{0,24}(再见|永别|不回|关机|联系不上)|再见.{0,12}(再也不回|不回了|关机|联系不上)"
                    // charcoal behind a locked door: "门缝里一股烧炭味 门从里面反锁了 敲了没反应"
                    + "|(烧炭|炭火|炭)味.{0,20}(反锁|锁着|没反应|不开门|没人开)|(反锁|锁着).{0,20}(烧炭|炭)味"
                    + "|遗书|交代(了)?后事|留了.{0,4}(遗言|绝笔)|对不起(我|你|我们|孩子|爸妈).{0,20}(江边|河边|湖边|海边|桥上|楼顶|天台)"
                    + "|(在|到了?)(江边|河边|湖边|海边|大桥上|桥上|楼顶|天台).{0,16}(电话)?.{0,8}(不接|关机|联系不上|不回)"),
                    EnumSet.of(Hotline.POLICE, Hotline.AMBULANCE, Hotline.CRISIS)),
            new Rule(Pattern.compile("流了很多血|流很多血|流血不止|大出血|昏迷|晕倒了|没有?呼吸|不喘气|没气了|不呼吸|停止呼吸|没(有)?心跳|喝了?农药|吞了?安眠药"
                    + "|叫不醒|不省人事|(叫|喊)(他|她|人)?(都|也)不醒|倒了(好几个|几个|一片|一地|好些)|(突然|刚才|刚刚).{0,8}倒(下|在地)|倒在(卫生间|厕所|浴室|地上|地下|楼梯)|一摊血|(地上|床上|身上)有(一摊|一滩|好多|一大摊)血|触电了|被电(倒|晕|住|击)了|(捞|救|拉|抱|拖)上来.{0,8}(没反应|没气|不动|不喘气|没呼吸)|(趴|倒)(在)?(地上|地下)?不动了|人(趴|躺|倒)(在)?(地上|地下)(不动了|没反应)|喘不上气|心脏病(犯了|发作)|抽搐|抽风|吐白沫|翻白眼|眼睛(往上)?翻|口吐白沫|(摔|撞)得?(动不了|起不来)|(摔|撞)(了|伤了)?.{0,4}(动不了|起不来)"
                    + "|(吃|误食|喝)了?.{0,4}(毒蘑菇|菌子|野蘑菇|老鼠药|敌敌畏|百草枯)|中毒了|又吐又"
                    + "|(喊|叫)(他|她|人)?(也|都)?没(有)?反应|一滩血|血(流)?(止不住|一直流)|喊不醒|一直(在)?流血|腿都?变形|躺(在)?(马路|地|路)上.{0,10}(不动|流血|起不来)|一动不动"
                    + "|(误喝|误食|喝了|吃了).{0,8}(农药|老鼠药|百草枯|敌敌畏|消毒水|消毒液)|被(毒)?蛇咬"
                    // "把敌敌畏当白酒喝了一口"
                    + "|(敌敌畏|百草枯|农药|老鼠药|消毒水|消毒液|除草剂).{0,8}(喝了|吃了|喝下|吃下|咽了|咽下|喝进)"
                    // "头上好多血", "地上全是血 毛巾按着也止不住"
                    + "|(头|脸|鼻子|嘴|脑袋)(上)?(在|还在|一直)流血|血流一地|(头上|脸上|身上|地上|腿上|手上|床上|车里|屋里)(全是|都是|好多|好些|一片|一摊)(的)?血|满(地|头|脸|身)(都是|全是)?血|血.{0,6}止不住|(按|捂|压)着.{0,6}(止不住|还在流)"
                    // "他突然说胸口疼得厉害 满头大汗 左边胳膊也麻了"
                    + "|(胸口|心口)(疼|痛|闷)得?(厉害|受不了|要命|不行)|(胸口|心口)(疼|痛|闷).{0,12}(大汗|冷汗|胳膊.{0,2}麻)|心脏病.{0,4}(犯|发作)"
                    // a stroke: "说一个人在家胸口疼 话都说不连贯了"; a bite bleeding: "血一直往外冒"
                    + "|话(都)?说不(连贯|清楚|清|出来|利索)了|口齿不清|嘴(都)?歪了|半边(身子|脸|身体).{0,4}(麻|动不了|没知觉)|血(一直|还在)?往外(冒|流|涌|喷)"
                    // exhaust in a closed garage: "老公在车库修车 车一直打着火 我喊他半天不应 人歪在车门边上"
                    // someone living alone who does not answer: "敲门没人开 里面住的独居老人"
                    + "|(独居|一个人住).{0,12}(敲门|敲了).{0,6}(没人开|没反应|不开)|(敲门|敲了).{0,6}(没人开|没反应).{0,12}(独居|一个人住)"
                    + "|喊(他|她)?(半天|好久|好几声)?(也|都)?不应|(叫|喊)(他|她)(也|都)?不(怎么)?(应|答应|回应|吭声)|(头|脑袋)(上)?(流血|出血|冒血)|流血.{0,6}(不动了|没反应)|(车库|车里).{0,12}(打着火|发动着|没熄火)"
                    // coughing blood after a beating: "昨天打的我肋骨疼 今天早上开始咳血"; someone silent behind a locked door
                    + "|咳血|(?<!气得|气的|气)吐(了)?(好多|很多|一口|一大口)?血|咯血|(洗澡|厕所|卫生间|浴室|屋里|房间里).{0,8}(半天|好久|一直)没(出声|动静|反应)"
                    + "|喘不(动|过|上)气|喘不过来|上不来气|呼吸困难|(怀孕|孕妇|怀着).{0,20}(出血|流血|见红)|下面(出血|流血)"
                    // an open fracture; hit by a vehicle minutes ago: "刚才骑电动车被车撞了 腿上骨头都戳出来了"
                    + "|骨(头)?.{0,3}(戳|露|刺|支|扎|穿)出来|有(个)?人从.{0,8}(架子|脚手架|楼上|屋顶|房顶|梯子|高处)上?(摔|掉|跌)下来|刚(才|刚)?.{0,10}被.{0,4}(车|汽车|货车|小车|卡车|面包车|三轮车?|摩托车?|电动车)(给)?撞"),
                    EnumSet.of(Hotline.AMBULANCE)),
            // never "车一直打着火" (an engine running)
            new Rule(Pattern.compile("(?<!打)着火|起火了|失火了|失火啦|火灾现场|烧起来了|火(还|一直|正|都)在烧|冒(黑)?烟了|往(进|里|屋里|屋)冒烟|(全是|都是|满屋子?|满楼道|好多|好大)(的)?(黑|白|浓|青)烟|(在|正在|一直|还在)冒(黑|白|青)?烟|(全是|都是|满屋子?|满楼道)烟|烟从.{0,4}(门缝|窗户?)|门把手.{0,3}烫"
                    // "门缝往外冒烟", "正冒出大量黑烟 …楼道里已看不清楼梯"
                    + "|(门缝|窗户|窗缝|屋里|楼道|车库).{0,4}(往外)?冒(出)?(黑|白|浓)?烟|冒出.{0,4}(黑|白|浓)?烟|(大量|好多|浓浓的|滚滚)(的)?(黑|白|浓)烟|烟.{0,6}看不清"),
                    EnumSet.of(Hotline.FIRE)),
            // people buried, trapped or in the water need the fire brigade's rescue as well as an ambulance
            new Rule(Pattern.compile("被(土|沙|泥|雪|石头|砖)?埋(了|在|住)|(巷道|坑道|隧道|矿井|井下|矿洞|窑洞|涵洞)(里)?.{0,4}(塌|垮)了"
                    // "化粪池里下去两个清淤的半天没上来", "洗油罐的工人在罐里没声音了 拿绳子拉不动"
                    + "|(化粪池|污水井|窨井|下水道|沼气池|罐|罐子|储罐|油罐|地窖|窖)(里|里面|里头)?.{0,12}(没上来|没声音|没动静|没反应|软了|拉不动|出不来)"
                    // "冷库门坏了 我同事关在里面"; "工棚后面山坡往下滑 石头一直在滚"; "司机卡在驾驶室里"
                    + "|(冷库|冰库|冷藏库|冻库)(门)?.{0,12}(关|困|锁)在?(里面|里头)|(关|困|锁)在(冷库|冰库|冷藏库|冻库)|敲门声越来越(小|弱)"
                    + "|(山坡|山体|边坡|土坡|后山|山上).{0,6}(往下)?(滑|塌|垮)|泥石流|山体滑坡|卡在(驾驶室|车里|车内|座位|驾驶位)"
                    + "|电梯(卡|停|困)(在|住)了?.{0,8}楼.{0,2}中间|电梯.{0,20}(里面|里头)(我们|有)?[0-9一二两三四五六七八九十几]+个人"
                    // ammonia and other poisons in the air: "氨气罐漏了 车间里已经倒了好几个工友"
                    + "|(氨气|液氨|氯气|硫化氢|有毒气体|毒气|化学品)(罐)?.{0,4}(漏|泄漏|泄露|跑出来|冒出来)|(沟槽|基坑|沟|坑|土方)(塌|垮)了|(冻得|冻).{0,6}(没知觉|走不动|动不了)|埋在.{0,4}(下面|底下|里面)|(人|工友|工人|孩子|小孩)埋(在)?(下面|底下|里面|里头)|被压在.{0,6}(下面|底下|里面)"
                    + "|被?困在(电梯|井|废墟|水)里|(掉|跌|摔)(进|到|下)(河|水|井|湖|江|水库|冰窟窿|粪坑)里?了|有人落水|(车|人|孩子|小孩|娃|娃儿|娃娃|宝宝|老人)掉(进|到)?(河|水|井|湖|江|水库|水塘)里|卡在.{0,8}出不来|翻(进|到)?(沟|河|水)里"
                    + "|电梯(里)?(关|困)(住|了)?人|(孩子|小孩|宝宝|娃|老人|我|人)被?(锁|关|困)在车里"
                    // "掉进村口的机井里了", "电梯卡在两层中间了 里面有我和一个坐轮椅的老人"
                    + "|(掉|跌|摔|落)(进|到|下)了?.{0,6}(机井|枯井|水井|深井|井|粪坑|冰窟窿)里"
                    + "|电梯.{0,20}(里面|里头)有(个|一个|位|一位)?(我|人|老人|孩子|小孩|娃|老太太|老太|老头|大爷|大妈|奶奶|爷爷|孕妇)|电梯(卡|停|困)(在|住)了?.{0,4}(两层|两个楼层|楼层)中间"
                    + "|(卡|停|困)(在|住)?了?.{0,4}(两层|两个楼层|楼层|两楼)(的)?中间|电梯.{0,20}(里面|里头)是(我|人|老人|孩子|小孩|娃|老太太|我妈|我爸|我奶奶|我爷爷)"
                    // "车门变形打不开人出不来", "有人手被机器卷进去了"
                    + "|打不开.{0,3}(人)?出不来|(手|胳膊|腿|脚|头发|衣服|袖子|手指).{0,8}卷(进|住|到)|(机器|机子|设备|传送带|皮带|滚筒|搅拌机|绞肉机|收割机).{0,4}卷(进|住|了)"
                    // "电梯卡在十二楼中间了 我们四个人在里面", "河里有人掉下去了", "水已经到腰了", "房子塌了 压在底下"
                    + "|电梯.{0,20}(在里面|在里头|(里面|里头)有人|出不去|出不来|(里面|里头)有?[0-9一二两三四五六七八九十几]+个人)|被困.{0,8}(楼|办公室|房间|屋里|宿舍|车间)|(河|江|湖|井|水库|池塘|水塘|海)里有人(掉|落|淹|溺)|有人(掉|落)(水|河|江|湖)|溺水"
                    + "|(车|屋|房)里.{0,6}(还有人|人没出来).{0,12}水|(进水|淹|水).{0,12}车里(还)?有人|车里(还)?有人.{0,12}(打不开|出不来|出不去)|水(都|已经|以经|快|快要)?(到|淹到|没过|漫到|淹过|漫过)了?(腰|胸|胸口|脖子|头|车顶|车窗|窗户|窗)|没过头|淹过头|被水(困|冲走)"
                    + "|(车|人|孩子|老人)?(冲|掉|翻|开|栽)(进|到|下)(了)?(河|河沟|水沟|沟|水塘|江|湖|水库)(里)?了|水(在|正在|一直)?往(车|屋|房)?里(灌|涌|进)"
                    + "|(房子?|楼|墙|屋|棚|顶|脚手架|架子|基坑|围墙|棚子)(塌|倒)了.{0,12}(压|埋|人)|压在.{0,6}(底下|下面)|(下面|底下)压着"
                    // "村头鱼塘有个老汉掉进去了 就刚刚"
                    + "|(鱼塘|池塘|水塘|河里|河沟|水库|井里|湖里|江里|粪坑|机井|枯井|水井|井|窨井|地窖).{0,8}(掉|落|跌|摔)(进去|下去)了"
                    // "我儿子在水库游泳 扎下去就没上来 好几分钟了"
                    + "|(水库|河|江|湖|水塘|池塘|海|水里|游泳|扎下去|跳下去).{0,16}没(再)?(浮)?上来|掉(进|到)?(水|河|塘|江|湖)(里|头|中)(去|头去)?了"
                    // "河边有个娃儿掉水头去了 在那扑腾"; "刚才还在鱼塘边耍 一转眼就不见了 拖鞋还在岸边上"
                    + "|(水|河|塘|江|湖).{0,10}扑腾|(小孩|孩子|娃|人|老人).{0,6}沉(下去|底)了|(鱼塘|池塘|水塘|河|江|湖|水库|塘|井)边.{0,16}(不见了|找不到了|没影了)|水面.{0,4}(冒泡|冒泡泡)"
                    // a mine flooded or caved in: "矿上透水了 俺男人那个班还在井下没上来"
                    + "|透水了|冒顶了|塌方了|瓦斯爆炸|(井下|矿下|矿井|坑道|隧道|巷道).{0,8}(没上来|出不来|被困|困住|没出来)"
                    // "前面那车变形了 里面有人卡着出不来"
                    + "|卡着.{0,4}出不来|(里面|车里|里头)有人.{0,4}卡(着|住|在)"
                    // "渔船在水库中间翻了 两个人抱着船底"
                    + "|(船|渔船|小船|皮划艇|竹筏).{0,8}翻了|抱着船底"
                    + "|(头|脑袋|手|脚|腿|胳膊).{0,10}卡(住|在).{0,10}(拔|拿|弄|抽)?不出来"
                    + "|被?困在.{0,6}(房顶|屋顶|楼顶|树上|山上|车里|河中间|水中间)|(发大水|洪水|大水).{0,10}(困|冲|淹|涨)|水还在(往上)?涨|水(一直)?往上涨"),
                    EnumSet.of(Hotline.AMBULANCE, Hotline.RESCUE)),
            // lost in the hills as night falls: "上山挖笋迷路了 天黑了 脚崴了走不动"; a boat adrift: "渔船机器坏了在海上漂 …船舱进水了"
            new Rule(Pattern.compile("迷(了)?路.{0,20}(天黑|走不动|出不去|找不到路|没电|下不来|下不去)|(在)?海上.{0,4}漂|(船舱|船里|船上).{0,4}进水"),
                    EnumSet.of(Hotline.POLICE, Hotline.RESCUE)),
            // charcoal fumes: "屋里烧着炭盆取暖 我跟老伴都头晕想吐 老伴已经站不起来了"
            new Rule(Pattern.compile("(炭盆|烧炭|煤炉|煤球炉|蜂窝煤|炭火|火盆).{0,20}(头晕|想吐|恶心|站不起来|晕倒|叫不醒|昏)"),
                    EnumSet.of(Hotline.AMBULANCE, Hotline.GAS)),
            new Rule(Pattern.compile("(煤气|燃气|天然气)(泄漏|泄露|漏了|味)|臭鸡蛋味|闻到(煤气|燃气|天然气)|煤气中毒|一氧化碳中毒"),
                    EnumSet.of(Hotline.GAS)));

    private static final Pattern CANCEL = Pattern.compile("取消(排队|转人工|人工|回电|回拨)?|退出(排队|咨询)?|不排队?了|不用(排队|回电)?了|不需要了|算了"
            + "|结束(咨询|对话|会话)?(吧|了)?");

    /**
     * Asking to read the articles the last answer cited — the reply every answer suggests
     * (查看法条) and close variants, as the whole message: "法条是怎么规定的" stays a question.
     */
    private static final Pattern SHOW_ARTICLES = Pattern.compile(
            "(?:请|麻烦)?(?:我要|我想|给我|帮我)?(?:查看|看|看看|查看一下|看一下|显示|发)(?:一下)?(?:法条|条文|法律条文)(?:原文|全文)?吧?"
            + "|(?:法条|条文|法律条文)(?:原文|全文)");

    /**
     * Asking whether one could get legal aid, as the whole message: starts the pre-check. A question
     * about the legal-aid centre itself ("法律援助中心几点上班") stays a question.
     */
    private static final Pattern LEGAL_AID = Pattern.compile(
            "我?(?:能|可以|能不能|可不可以|是否能|是否可以|有没有资格|符合|够)(?:申请|得到|获得)?(?:免费的?)?法律援助(?:吗|么|嘛|条件吗?)?"
            + "|(?:申请)?法律援助(?:的|需要|要)?(?:什么|哪些)?(?:条件|资格|标准)(?:是什么|有哪些|是啥)?"
            + "|(?:怎么|如何|怎样)申请(?:免费的?)?法律援助"
            + "|法律援助(?:预审|自测|测评|评估)");

    private static final Pattern PICK = Pattern.compile("我?(?:选择?|要)?第?([1-9一二三四五六七八九])(?:个|项|条|号)?吧?");

    private static final String PERSON = "(?:人工|真人|律师|值班律师)(?:服务|客服)?";
    /**
     * A person asked for inside a short message, or the bot told it is useless: "能不能让律师给我打个电话",
     * "有没有人工客服", "你是机器人吧 听不懂人话", "能打电话咨询吗". Looked for anywhere in a short message, so only
     * forms that cannot be a legal question about lawyers ("律师费谁出" has none of them).
     */
    private static final Pattern PERSON_IN_WORDS = Pattern.compile(
            // "来个人工", never "提不出来客服把我拉黑了"
            "(?:转|转接|接|找|要|换|叫)(?:一下|个|一个|一位)?(?:人工|真人|活人|客服|值班律师|工作人员)"
            + "|来(?:个|一个|一位)(?:人工|真人|活人|客服|值班律师|工作人员)"
            // "找个管事的跟我讲", "叫个能做主的来"
            + "|(?:找|叫|换|来)(?:个|一个|一位)(?:管事|能管事|负责|能做主|说了算|能说了算)的"
            // "联系客服" is more often a shop's than ours: "联系人工客服一直不回复"
            + "|联系(?:一下|个|一位)?(?:真人|值班律师|工作人员)"
            + "|(?:有没有|有无|有)(?:人工|真人|活人)|(?:让|请|叫|找)(?:个|一个|一位)?(?:律师|值班律师|人|工作人员|客服)(?:给我|跟我)?(?:打|回)(?:个)?电话"
            + "|(?:人工|真人|律师|值班律师)(?:在吗|在不在|呢|出来)|叫律师出来|(?:不要|别)(?:再)?(?:自动回复|机器人)"
            + "|(?:你|机器人|自动回复)(?:是不是|真是|真|太|好|就是|根本|完全|一点)?(?:都|也)?(?:听不懂|没用|有什么用|有啥用|笨|不懂人话)"
            + "|问了半天(都|也|还是)?(没用|白问|没结果|不懂)|说了(半天|这么多)?(也|都)?等于没说|(到底|究竟)有没有人(管|理|回)"
            + "|(全是|都是|尽是|净是)(套话|废话|模板)|太没用了|一点用(都|也)?没有|说了(半天)?(也|都)?白说"
            + "|听不懂人话|答非所问|(?:跟|和)(?:机器人|你)说不(?:清|明白)|换(?:个|一个)(?:懂的|懂行的|明白的|会的|真)?人(?:来)?|换(?:个|一个)懂的"
            // asking to talk by phone is asking for a person: "能打电话咨询吗", "你们的电话多少"
            + "|(?:能|可以|能不能|可不可以|可否)(?:打|通)?电话(?:咨询|沟通|联系|问问?|讲)|有没有(?:咨询|人工|律师)电话"
            + "|(?:你们|咨询|人工|律师|值班律师|客服)(?:的)?(?:电话|热线)(?:号码?)?(?:是)?(?:多少|几号)");
    /**
     * A person asked for in a message of any length ("麻烦帮我转一下人工服务，我想问问离婚财产分割的事情，比较复杂"):
     * only forms no account of a dispute holds — not 客服 or 找律师, which a consumer's or a
     * litigant's story often does ("联系人工客服一直不回复", "我想找律师打官司").
     */
    private static final Pattern PERSON_AT_ANY_LENGTH = Pattern.compile(
            "(?:转|转接)(?:一下|个|一个|给)?(?:人工|值班律师|真人)|人工服务|(?:找|要|请|换)(?:个|一个|一位)?(?:值班律师|真人)"
            // to meet someone: "可以预约律师面谈吗", "能不能派个懂法律的人到我们村来"
            + "|(?:能|可以|能不能|可不可以|怎么|我想|我要|想)(?:预约|约)(?:个|一个|一位|一下)?(?:律师|值班律师|工作人员)"
            + "|派(?:个|一个|一位|位)?(?:懂法律的人?|法律援助的人|律师|工作人员)(?:来|过来|到)"
            // "能不能派个人上门来帮我写个诉状", "能不能安排个人来我们村里"
            // not "能不能派人来看看" of yellow tap water, which is 12345's
            + "|(?:能不能|可不可以|能否|可以|麻烦|请|希望|能)(?:你们)?(?:派|安排|叫|找|让)(?:个|一个|一位|位)?人(?:上门|(?:来|到)(?:我们|俺们|我)?(?:村|家))|有没有人(?:能|可以|会)?上门"
            // a lawyer booked for a parent: "能帮我妈约个律师不 她腿脚不好 最好能上门"
            + "|(?:帮|给)(?:我|我妈|我爸|俺|俺娘|俺爹|老人|她|他)?(?:约|预约)(?:个|一个|一位)?(?:律师|值班律师)|最好(?:能)?上门"
            // "说了半天等于没说 叫你们管事的来", "明天上午能过去面谈不", "让俺闺女跟你们的人说行不"
            + "|(?:找|叫|让)(?:你们|你们的)(?:管事|负责|领导|能做主|说了算)的?(?:人)?(?:来|出来|过来|说话)"
            + "|(?:过去|过来|去你们那)(?:当面)?面谈|面谈(?:不|吗|么|行不|可以不)"
            + "|(?:让|叫)(?:我|俺)的?(?:闺女|女儿|儿子|孩子|老伴|家里人|媳妇|老公)(?:跟|和|给)(?:你们|你们的人|律师|工作人员)"
            // a person, not a machine, to read a contract: "能不能有个人帮我看看 别是机器看"
            + "|(?:能不能|可不可以|想|希望)(?:有|找)个(?:真)?人(?:帮我|给我|来)(?:看|瞧|审)|别(?:是)?机器(?:人)?(?:看|回|答)|不要机器(?:人)?(?:回复|回答|看)"
            // "能让你们的人打电话给我闺女吗", "能不能让律师给我老家的爹妈打个电话"
            + "|(?:让|请|叫)(?:个|一个|一位)?(?:律师|值班律师|工作人员|你们的?人)(?:给|跟)(?:我|俺)?.{0,6}(?:(?:打|回)(?:个)?电话|视频|语音)"
            // "有没有人能陪我去法院立案 我一个人不敢去", "你们能派个人陪我去不"
            + "|(?:有没有人|能不能找个人|能不能派个人|能不能有人)(?:能|可以)?陪(?:我|俺)"
            // someone to go with the citizen to a hearing: "下礼拜三仲裁开庭 我一个人不敢去 你们能派个人陪我去不"
            // (any "派人陪我去" was first written, and sent a held-out 12338 message to a lawyer)
            + "|(?:仲裁|开庭|出庭).{0,20}(?:派|安排)(?:个|一个|一位)?人陪(?:我|俺)"
            // "你们能直接派一个给我不 我没钱"; "我想找个专门搞劳动仲裁的律师一对一聊一下"
            + "|(?:能|可以|能不能|可不可以)(?:直接)?(?:派|安排|指派)(?:个|一个|一位)(?:律师|人)?(?:给我|给俺|帮我)|一对一(?:聊|咨询|谈|沟通|说)"
            + "|(?:让|请|叫)(?:律师|值班律师|工作人员|你们的?人)(?:打|回)(?:个)?电话给"
            // "想请你们的律师打给他爱人", "麻烦回电 号码就是这个"
            + "|(?:让|请|叫|麻烦)你们的?(?:律师|值班律师|工作人员|人)(?:打给|打电话给|回电话给|联系)|(?:麻烦|请|给我)(?:回电|回个电话|回电话|打回来)|回电.{0,6}号码"
            // someone to phone a relative: "麻烦你们工作人员打她座机", "能不能打给俺儿子 让他跟你们说"
            + "|(?:麻烦|请|能不能|可不可以|让)(?:你们)?的?(?:工作人员|律师|值班律师).{0,4}(?:打|回)(?:个)?(?:她|他|我|俺|我妈|我爸)?的?(?:电话|座机|手机)"
            + "|(?:能不能|可不可以|能否|麻烦|请)(?:你们)?(?:打|回)(?:个)?(?:电话)?给(?:我|俺)的?(?:儿子|女儿|闺女|孩子|老伴|家里人|媳妇|老公|老婆)"
            + "|找(?:个|一个|一位|位)?(?:懂行|懂法|懂法律|专业)的人(?:当面|来|帮|问|聊|说)"
            + "|(?:律师|值班律师|工作人员)(?:跟|和)我见(?:一|个)?面"
            // "我想当面咨询一下", "找个人帮我写起诉状 面对面教我那种"
            + "|(?:想|要|能|可以|希望)当面(?:咨询|问|谈|聊|说|请教)|面对面(?:教|讲|说|咨询|问|聊|谈|帮)|当面(?:问问|聊聊|谈谈|说说)"
            // "想与贵中心的律师预约一次面谈"
            + "|(?:律师|值班律师)预约|预约(?:一次|个|一个)?面谈|(?:咨询|面谈).{0,8}预约|预约.{0,6}(?:律师|咨询|面谈)"
            // "请安排法律援助律师联系我"
            + "|(?:安排|派|让|请)(?:个|一个|一位|位)?(?:法律援助的?|法援|专业的?)?(?:律师|值班律师|工作人员)(?:联系|打给|回电|给我打|见一面|见个面|面谈|当面)"
            // "你们的工作人员能不能来村里一趟"
            + "|(?:律师|值班律师|工作人员)(?:能不能|能否|能|可以|可不可以)?(?:来|到|上)(?:村里|我家|家里|一趟|门)"
            // "老汉腿脚不方便去不了城里 你们能上门来一趟不"
            + "|(?:你们|你们的人)(?:能不能|能否|能|可以|可不可以)?(?:派人)?(?:上门|来一趟|来村里|到村里|来家里|到家里)"
            // "AI就算了 案子比较复杂涉及三方 我要跟专业律师说"
            + "|(?:要|想|需要|得)(?:跟|和|同)(?:个|一个|一位)?(?:专业|真正|正经|真)?的?(?:律师|值班律师|真人)(?:说|谈|聊|沟通|讲)|(?:ai|机器人|机器)(?:就)?算了"
            // "我想陪她去你们那当面咨询", "我想当面找个律师问问"
            // "能不能安排个人打电话给她讲讲遗嘱咋写"
            + "|(?:能不能|可不可以|能否|可以|麻烦|请|希望)(?:你们)?(?:安排|派|让|找)(?:个|一个|一位|位)?(?:人|律师|工作人员|值班律师)(?:给我|给她|给他|跟我)?(?:打|回)(?:个)?电话"
            + "|(?:法律顾问|社区律师|驻村律师|驻点律师|村居律师).{0,10}(?:坐班|值班|在不在|在吗|找他|见面|见一面|什么时候来|啥时候来)"
            + "|(?:去|到)(?:你们|贵中心)(?:那|这|那里|这里|那儿|中心)?(?:当面)?(?:咨询|问问|面谈|说)|当面找(?:个|一个|一位|位)?(?:律师|人)");
    /** "人工", "转人工", "找律师", "请帮我转人工" … and "我要律师", "我想跟真人说话" … as the whole message. */
    private static final Pattern ASK_FOR_PERSON = Pattern.compile(
            "(?:请|麻烦)?(?:帮我|给我)?(?:转|转接|接|找|要|联系|呼叫)?(?:个|一个|一下)?" + PERSON + "(?:吧|谢谢)?"
            + "|我(?:想|要|需要|希望)(?:找|要|转|转接|和|跟|咨询|联系)?(?:个|一个|一下)?" + PERSON
            + "(?:说话|聊聊|聊|沟通|谈谈|咨询)?吧?");

    /**
     * Other hotlines, for citizens who want something done rather than to know their rights:
     * "怎么投诉这家店" goes to 12315, "买到假货能赔多少" is a question for us.
     */
    private static final String CHILD = "(小孩|孩子|娃|女孩|男孩|小姑娘|小男孩|小女孩|学生|留守儿童|孙子|孙女|外孙|外孙女|侄子|侄女)";

    private static final List<Referral> REFERRALS = List.of(
            // a fraud victim calls 110 now, before anything else: the money can still be stopped.
            // Questions about fraud as law ("借钱不还算诈骗吗", "诈骗罪判几年") say neither 被骗 nor these schemes
            new Referral(Pattern.compile("被骗了?|被诈骗|骗了我|把我骗|遇到(了)?(电信|网络)?诈骗|杀猪盘|安全账户"
                    + "|冒充(我们|我的|公司|单位)?的?(公检法|警察|公安|客服|领导|老板|法院|检察院)|(转|汇)了?(钱|账|款).{0,12}(拉黑|联系不上|不见了|找不到人)"
                    + "|(刷单|投资平台|理财平台).{0,20}(提不了现|取不出|不能提现|提现不了|提不出来|提不了)"
                    + "|(投了|充了|转了|交了).{0,10}(拉黑|提不出|取不出|联系不上)|96110"
                    // "自称淘宝客服的说要给我退款 让我开了屏幕共享 卡里两万没了"
                    + "|(屏幕共享|共享屏幕).{0,20}(没了|转走|少了|被扣)|(自称|说是|说他是).{0,6}(客服|警察|公安|法院|检察院|银行).{0,40}(没了|被转走|转走了)"), Hotline.ANTI_FRAUD),
            new Referral(Pattern.compile("家暴.{0,6}(求助|找谁|找哪|去哪|哪里|谁管|热线)|(遭受|遭遇|被)家暴.{0,4}求助"
                    + "|妇女权益(受到?)?(侵害|求助|投诉)|妇女维权|找妇联|妇联(电话|热线)|12338"
                    // violence as a habit, told to find someone to talk to: "男人喝酒就动手 过后又认错 俺不知道找谁说说心里话"
                    // "邻居家小孩好像经常挨饿 大冬天穿个单衣 不晓得该找哪个部门反映"
                    + "|" + CHILD + ".{0,12}(挨饿|饿着|饿肚子|虐待|没人管|穿个单衣|身上有伤|不让(上学|读书)|挨骂|挨打|一个人在家|吃不上(饭)?|饭都吃不上|不给(他|她)?饭吃|打他|打她|青一块紫一块|旧伤|(衣架|皮带|棍子|鞭子)(抽|打)(他|她))"
                    + ".{0,20}(找哪|找谁|哪个部门|反映|举报|谁管|没人管|谁能管|管管|向谁)"
                    // a child neglected, said without asking anyone: "邻居家那个小孩天天一个人在家 大人好几天不回来 孩子饿得去翻垃圾桶";
                    // not a parent's custody question ("前夫不给孩子饭吃 抚养权能变更吗"), which is ours
                    + "|^(?!.*(抚养|离婚|起诉|判给|探视|探望|官司)).*?" + CHILD + ".{0,16}(一个人在家|没人管|没人照顾|不回来|出去打工)"
                    + ".{0,20}(饿|吃不上|饭都吃不上|没饭吃|没得吃|没吃的|没东西吃|饭都没|翻垃圾|没人给(饭|吃的?)|皮包骨|瘦得)"
                    // "孩子爸妈离婚了都不要他 扔给八十岁的奶奶 学也不上了 没人管"
                    + "|^(?!.*(抚养|判给|探视|探望|起诉|官司)).*?" + CHILD + ".{0,20}(都不要(他|她)|没人要|扔给|丢给).{0,30}(没人管|不上学|学也不上|没饭吃|吃不上)"
                    + "|^(?!.*(抚养|判给|探视|探望|起诉|官司)).*?" + CHILD + ".{0,4}没人管.{0,6}(没上学|不上学|学也不上|没饭吃|吃不上)"
                    + "|^(?!.*(抚养|离婚|起诉|判给|探视|探望|官司)).*?" + CHILD + ".{0,12}不给(他|她)?(饭|吃的?|饭吃)"
                    // a girl married off: "村里有个女娃才十四岁 家里逼着她嫁人"
                    + "|(逼|强迫|逼着)(她|女儿|闺女|孩子|女娃)?.{0,4}(嫁人|结婚|订婚|定亲)|童婚|包办婚姻"
                    + "|(喝酒|喝醉|喝多)(了)?就(动手|打人|打我)|(过后|事后|打完)(又)?(认错|道歉|跪下)|找(谁|个人)说说心里话"), Hotline.WOMENS_RIGHTS),
            new Referral(Pattern.compile("社保卡(怎么|如何|在哪|去哪)?(办|补办|挂失|激活|申领|丢|查)|补办社保卡"
                    + "|社保(缴费)?(记录|明细|基数)?(怎么|如何|在哪|去哪|找谁|找哪)查|(社保|养老保险|医保).{0,20}(找谁|去哪|找哪个部门)查|查(询|一下|下)?(我的)?(社保|养老金|养老保险)"
                    + "|养老金(怎么|如何|在哪|去哪)?查|劳动保障政策|12333"
                    // where to report unpaid wages or social insurance: "包工头一分钱没给 听说能去劳动局告 打啥电话"
                    + "|(工资|工钱|工姿|薪水|一分钱没给|一分没给|社保|养老保险|五险).{0,24}(找哪个部门|哪个部门管|打啥电话|打什么电话|电话(是)?多少|打哪个电话|(去|到)哪(里|儿)?(告|投诉|举报))"
                    + "|(去|到|向)(劳动局|劳动部门|劳动监察大队|劳动监察|人社局|劳动保障监察)(那边|那里|那儿)?(投诉|举报|告)|找(劳动局|劳动部门|劳动监察大队|劳动监察|人社局|劳动保障监察)"
                    + "|(劳动局|劳动监察|劳动保障监察|人社局).{0,6}(电话|热线|号码|怎么打|打啥|打哪个)|"
                    // "求劳动部门来厂里查一查", "想让劳动监察大队出面去要"; "我要举报这个厂用童工"
                    + "(求|请|让|叫)(劳动部门|劳动局|劳动监察大队|劳动监察|人社局|劳动保障监察).{0,8}(出面|来|查|管)|(劳动部门|劳动局|劳动监察|人社局)(来|到).{0,6}(查|管)|举报.{0,10}童工|童工.{0,6}举报|(劳动局|劳动监察|劳动监察大队|劳动保障监察|人社局).{0,4}(去哪|在哪|哪里|怎么)找"
                    + "|(没|不)(给(我|俺|我们)?)?(交|缴|买)(社保|养老保险|五险).{0,8}(想|要|去|怎么|到哪|在哪)(去)?(投诉|举报)"),
                    Hotline.SOCIAL_SECURITY),
            new Referral(Pattern.compile("(投诉|举报)(一下)?(这个|这家)?(商家|店家|网店|商场|超市|卖家|商店|店铺|厂家|淘宝店|饭店|餐馆)"
                    + "|(商家|卖家|店家|网店|商场|超市|店铺|厂家).{0,10}(怎么|如何|去哪|在哪|想|要)(投诉|举报)"
                    + "|商品质量投诉|质量问题.{0,4}(投诉|举报)|消费投诉|消费者投诉|(投诉|举报).{0,6}(假货|假冒伪劣|过期食品|三无产品)|12315"
                    // a prepaid card's shop gone: "健身房突然关门了 卡里还有三千" (its owner unreachable reads like a missing person)
                    + "|(健身房|健身卡|美容卡|美容院|美发店|美发卡|理发店|理发卡|培训机构|培训班|游泳馆|游泳卡|瑜伽|舞蹈|洗车店|洗车卡|干洗店|早教|商家|店家|门店|店铺).{0,16}(关门|跑路|倒闭|人去楼空)"
                    // a used car sold as new: "4S店卖给我的新车 …前保险杠是补过漆的"
                    + "|(新车|买的车|提的车).{0,16}(补过漆|喷过漆|钣金过|事故车|泡水|调过表|调表)"
                    // fake farm supplies: "在集上买的种子是假的 苗都没出几颗"
                    + "|(种子|化肥|农药|饲料|种苗|苗子).{0,4}(是假的|假的|是假货|掺假)|假(种子|化肥|农药|饲料)"
                    // a shop that will not refund whatever is said: "网上买的手机收到是翻新机 商家死活不给退"
                    + "|(商家|卖家|店家|网店|店主|客服|商场|厂家|4s店).{0,4}(死活|就是|坚决|硬是|咋说都|怎么说都)不(给|肯|让)?(退|换|赔)"
                    + "|(预付卡|储值卡|会员卡|充值卡).{0,10}(跑路|关门|倒闭|退不了|不给退)"),
                    Hotline.CONSUMER_COMPLAINTS),
            // someone else's illegal building is reported to 12345; "我家房子被说是违建要拆" is a question for us
            new Referral(Pattern.compile("路灯(?!.{0,6}(漏电|电伤|电到|电着|砸|倒了))|井盖|占道|市政设施|(投诉|举报).{0,4}物业|物业.{0,8}(投诉|举报)"
                    + "|(举报|投诉|反映|有人|邻居|楼上|楼下|对面|隔壁).{0,10}(违章搭建|违建|私搭乱建|私搭|乱搭|乱建)"
                    + "|(违章搭建|违建|私搭乱建).{0,6}(举报|投诉|反映|没人管|谁管)"
                    + "|垃圾清运|道路(破损|坑洼)|12345"
                    // "停水三天了也没个通知 物业说不归他们管 那归谁管"
                    + "|(停水|停电|断水|断电|没水|水压).{0,16}(没(有)?(个)?通知|谁管|归谁管|没人管|找谁|哪个部门)"
                    // "22路公交老是不按点来 司机态度还差 想投诉"
                    + "|(公交|公交车|[0-9]+路车?|出租车|的士).{0,16}(投诉|举报|反映)"
                    // noise at night: "楼下烧烤店天天整到凌晨两三点 吵死了 想投诉他"
                    + "|(吵|噪音|噪声|扰民|吵闹|闹腾).{0,16}(投诉|举报|反映)|(投诉|举报|反映).{0,8}(噪音|噪声|扰民)"
                    // a public office that will not serve: "办居住证的窗口推来推去 …我要投诉他们"
                    + "|(窗口|办事大厅|政务大厅|办证|居住证|户籍|街道办|居委会).{0,24}(投诉|举报|反映)"), Hotline.CITY_SERVICES));

    private static final String HELLO = "你好|您好|hi|hello|hey|嗨|哈喽|哈啰|在吗|在不在|有人吗|有人在吗|早上好|上午好|中午好|下午好|晚上好|早安|请问";
    private static final String THANKS = "你们辛苦了|您辛苦了|大家辛苦了|谢谢你|谢谢您|谢谢|多谢|非常感谢|感谢|谢了|辛苦了|辛苦啦|辛苦|thanks|thankyou|thx";
    private static final String ACK = "好的|好|ok|okay|嗯嗯|嗯|明白了|知道了|收到|懂了";
    private static final String GOODBYE = "再见|拜拜|byebye|bye|晚安|88";
    private static final String PARTICLES = "呀|啊|哦|呢|哈|吧|嘛|啦|哇";
    private static final Pattern GREETING = Pattern.compile(
            // possessive: "嗯嗯嗯…" can be split into tokens in exponentially many ways; never retry them
            "(?:" + String.join("|", HELLO, THANKS, ACK, GOODBYE, PARTICLES) + ")++");
    /**
     * A hello or thanks with a word on the weather or the staff's day: "早上好呀 今天天气真不错 你们上班辛苦了",
     * "早上好 今天落雨你们也上班啊". Small talk, as the whole message, with a hello or thanks in it.
     */
    private static final Pattern CHAT = Pattern.compile(
            "(?:" + String.join("|", HELLO, THANKS, ACK, PARTICLES)
            + "|今天|天气|真|挺|很|好|不错|冷|热|落雨|下雨|下雪|了|你们|您们|也|还|都|在|上班|加班|值班|辛苦|忙)++");
    private static final Pattern HAS_GOODBYE = Pattern.compile(GOODBYE);
    private static final Pattern HAS_THANKS = Pattern.compile(THANKS);
    private static final Pattern HAS_HELLO = Pattern.compile(HELLO);

    /**
     * Asking what LawLine is, as the whole message: "是真人吗", "你是机器人吗" are told it is a
     * program and how to reach a lawyer (small talk), "12348吗" what it does (hello); "真人" alone
     * still asks for a person.
     */
    private static final Pattern ARE_YOU_A_PERSON = Pattern.compile(
            "(?:你|你们|这|这里|这边|对面)?(?:是不是|是)(?:真人|真的人|活人|机器人|人工智能|ai|自动回复|程序)(?:吗|嘛|么|啊|呀)?"
            + "|(?:你|你们)是(?:谁|什么|啥)(?:呀|啊|人)?");
    private static final Pattern IS_THIS_12348 = Pattern.compile(
            "(?:喂|你好|您好)*(?:这|这里|这边|你们)?(?:是不是|是)?12348(?:热线|法律服务热线|法律咨询|法律援助)?(?:吗|嘛|么|吧|不|不是|没)?"
            // "哈喽 这是法律咨询的吧 先打个招呼"
            + "|(?:喂|你好|您好|哈喽|哈啰|嗨|hi|hello)*(?:这|这里|这边|你们)(?:是不是|是)?(?:法律咨询|法律服务|法律援助)(?:热线|平台)?的?(?:吗|嘛|么|吧|不|不是|没)?(?:先)?(?:打个招呼|问个好)?"
            + "|(?:喂|你好|您好|哈喽|哈啰|嗨|hi|hello)+(?:先)?(?:打个招呼|问个好)");

    /** Whole-message rules look at short messages only: a request for a person is a few words. */
    private static final int SHORT = 30;

    /** A place citizens go to for legal help in person, as they name it. */
    private static final Pattern OFFICE = Pattern.compile(
            "法律服务所|法律服务站|法律服务中心|法律服务机构|公共法律服务|律师事务所|律所|法律援助中心|法援中心|法律援助站|法律援助机构"
            + "|公证处|司法所|调解委员会|调解中心|司法鉴定");
    /** …and the wish to find one: near me, where, how to get there. */
    private static final Pattern WHERE = Pattern.compile("附近|最近|周边|周围|哪里|哪儿|哪有|在哪|地址|怎么走|怎么去|位置|离我|近的|有没有|找个|找一家|找家");

    /**
     * Money paid to the wrong person or twice: "转错账户了对方不还", "微信多转了一千". A question of unjust
     * enrichment for the knowledge base, never a fraud to report: no one deceived the citizen. Its
     * words are a fraud victim's words (转账, 对方不还), and the recogniser, trained on many fraud
     * messages about transfers, is sure of fraud for them; so such a question is
     * {@link Utterance#settled settled} and the recogniser looks only for danger in it.
     * A message that also says it was a fraud ("被骗了") goes to the fraud referral first.
     */
    private static final Pattern PAID_BY_MISTAKE = Pattern.compile(
            "(转|汇|付|充)错|打错(了)?(钱|账|款)|多(转|打|汇|付)了|误(转|汇|付)|转账错误|错转");

    /** People a citizen lends to and knows where to find. */
    private static final String KNOWN = "(朋友|同事|亲戚|同学|邻居|老乡|表哥|表弟|表姐|表妹|堂哥|堂弟|堂姐|堂妹|发小|熟人"
            + "|哥哥|姐姐|弟弟|妹妹|小舅子|大舅子|姐夫|妹夫|叔叔|舅舅|姑姑|小姨|前男友|前女友|前夫|前妻|男朋友|女朋友|老板|工友|战友)";
    /**
     * Money lent to someone the citizen knows: "借给朋友三万 没打借条 就有微信转账记录 能要回来不". A question
     * of private lending, which the recogniser, for its transfers and sums, is sure is fraud; settled
     * like a payment by mistake. Not when the borrower was met online or has vanished ({@link #VANISHED}):
     * that is how a romance scam is told.
     */
    private static final Pattern LENT_TO_SOMEONE_KNOWN = Pattern.compile("借(给|了)(我的?)?" + KNOWN + "|" + KNOWN + "(找我|向我|跟我|问我)借");
    private static final Pattern NO_FRAUD_TO_STOP = Pattern.compile(
            // never "还没转钱": a call still going on is for 110 now
            "没(信|上当|理他|理会)|识破|报了(警|案)|已经立案|立了案|(骗子|对方|那人|那伙人|人|他们)(也|都|已经)?(被)?(抓到|抓住|抓了|判了|被抓)"
            // the citizen's own relative arrested, and bail asked: "我弟被抓了 说是帮人家取钱 …能不能取保"
            + "|取保|(弟|弟弟|哥|哥哥|儿子|老公|丈夫|男人|侄子|外甥|孩子|女儿|姐|妹|爸|妹夫|姐夫|表弟|表哥)被(抓|拘|刑拘|逮捕|警察带走)"
            + "|(已经|早就|也)报(过)?(警|案)了|报过(警|案)|(警察|派出所|公安)(已经)?立案了"
            // long ago: "好几年前被骗进传销 后来跑出来了"
            + "|(几|好几|两|三|[0-9]+)年(前|以前)|去年|前几年|前年|早年|(跑|逃)出来了"
            // "2019年被网贷骗了一万"; "现在突然收到法院传票让我还钱"
            + "|(19|20)[0-9]{2}年|传票"
            // "一七年被中介骗了两千块"; "以前刷单被骗过五千 …现在过了一年多"; a money mule asked about: "转到一个跑分的人卡上"
            + "|(?<![0-9一二三四五六七八九十])(一[一二三四五六七八九〇零]|二[〇零][一二三四五六七八九〇零]|[0-2][0-9])年(?!级|龄|纪)|被骗过|骗过我|过了(一|两|几|好几|半)年|跑分");
    /**
     * An insurer refusing a claim: "保险公司不赔重疾险 说我投保的时候没如实告知". A question of insurance
     * law for the knowledge base; the recogniser, for the company and the refusal, is sure it is a
     * consumer complaint for 12315, which does not settle claims. Settled like a payment by mistake.
     */
    private static final Pattern INSURER_REFUSES = Pattern.compile(
            "保险(公司)?.{0,6}(不赔|拒赔|不给赔|不理赔|拒绝理赔|不予理赔|不给报|拒付)|(拒赔|不予理赔|拒绝理赔)");
    /**
     * A guarantor's liability: "给表哥贷款做了担保 他现在不还 银行找上我了". A question of suretyship, which the
     * recogniser, for the loan and the bank, reads as fraud; settled like a payment by mistake.
     */
    private static final Pattern GUARANTEE = Pattern.compile("(做|当)了?(担保|担保人|保证人)|担保人|保证人|连带责任");
    /**
     * Work in a household: "我做保姆的 雇主走了不给结账". A nanny's pay is a civil claim, not a matter
     * for labour inspection (12333), whose law does not cover domestic service.
     */
    private static final Pattern DOMESTIC_WORK = Pattern.compile("保姆|家政|钟点工|月嫂|育儿嫂|护工");
    /**
     * The law asked outright about a city, consumer or labour matter: "邻居在楼顶搭了个违建 我作为业主能不能起诉让他拆掉",
     * "店倒闭了 法律上我还能找谁要这个钱", "停水三天 …自来水公司要不要赔我损失". Such a citizen wants to know their
     * rights, not a number to complain to; the knowledge base answers.
     */
    private static final Pattern LAW_ASKED = Pattern.compile(
            "法律上|法律规定|(能|可以|能不能|可不可以)(起诉|告)|打官司|(要不要|该不该|应不应该|会不会)赔|(找谁|谁来?)赔|赔(我)?(的)?损失");
    private static final Pattern VANISHED = Pattern.compile("网上|网友|网恋|刚认识|认识没多久|没见过面|联系不上|拉黑|失联|删了我|跑路|骗");

    /** What the message is. Never throws; any text is at worst a question. */
    Utterance classify(String text) {
        String compact = Texts.compact(text);
        Optional<Utterance> emergency = emergency(compact);
        if (emergency.isPresent() && !inHindsight(text, compact)) {
            return emergency.get();
        }
        if (compact.length() > SHORT) {
            if (PERSON_AT_ANY_LENGTH.matcher(compact).find()) {
                return Utterance.of(Intent.ASK_FOR_PERSON);
            }
            return referral(compact).orElseGet(() -> question(compact));
        }
        if (CANCEL.matcher(compact).matches()) {
            return Utterance.of(Intent.CANCEL);
        }
        Matcher pick = PICK.matcher(compact);
        if (pick.matches()) {
            return Utterance.pick(number(pick.group(1)));
        }
        // before a person: "附近有没有律师事务所" asks for a place, not for a lawyer in the chat
        if (OFFICE.matcher(compact).find() && WHERE.matcher(compact).find()) {
            return Utterance.of(Intent.FIND_OFFICE);
        }
        if (ARE_YOU_A_PERSON.matcher(compact).matches()) {
            return Utterance.greeting(Utterance.GreetingKind.SMALL_TALK);
        }
        if (IS_THIS_12348.matcher(compact).matches()) {
            return Utterance.greeting(Utterance.GreetingKind.HELLO);
        }
        if (ASK_FOR_PERSON.matcher(compact).matches() || PERSON_IN_WORDS.matcher(compact).find()
                || PERSON_AT_ANY_LENGTH.matcher(compact).find()) {
            return Utterance.of(Intent.ASK_FOR_PERSON);
        }
        if (SHOW_ARTICLES.matcher(compact).matches()) {
            return Utterance.of(Intent.SHOW_ARTICLES);
        }
        if (LEGAL_AID.matcher(compact).matches()) {
            return Utterance.of(Intent.LEGAL_AID);
        }
        Optional<Utterance> referral = referral(compact);
        if (referral.isPresent()) {
            return referral.get();
        }
        if (!compact.isEmpty() && GREETING.matcher(compact).matches()) {
            return Utterance.greeting(greetingKind(compact));
        }
        if (CHAT.matcher(compact).matches() && (HAS_HELLO.matcher(compact).find() || HAS_THANKS.matcher(compact).find())) {
            return Utterance.greeting(greetingKind(compact));
        }
        if (Texts.wordless(text)) {
            return Utterance.of(Intent.WORDLESS);
        }
        return question(compact);
    }

    /**
     * A question; settled when it is one the recogniser is known to misread (money paid by mistake or
     * lent to someone the citizen knows, a claim an insurer refused, a guarantor's liability);
     * closing with the crisis line when it tells in hindsight of harm to oneself ("以前抑郁割过腕…要辞退我").
     */
    private static Utterance question(String compact) {
        if (paidByMistake(compact) || lentToSomeoneKnown(compact) || INSURER_REFUSES.matcher(compact).find()
                || GUARANTEE.matcher(compact).find()) {
            return Utterance.settledQuestion();
        }
        return Hindsight.tells(compact) && Hindsight.speaksOfSelfHarm(compact)
                ? Utterance.questionWithCare(Hotline.CRISIS) : Utterance.of(Intent.QUESTION);
    }

    /** Danger told in hindsight, with none in the rest of the message ({@link Hindsight#present}). */
    private static boolean inHindsight(String text, String compact) {
        return Hindsight.tells(compact) && emergency(Texts.compact(Hindsight.present(text))).isEmpty();
    }

    /** Whether the message says money went to the wrong person or twice, with nothing else recognised. */
    static boolean paidByMistake(String text) {
        return PAID_BY_MISTAKE.matcher(Texts.compact(text)).find();
    }

    /**
     * Whether a fraud told of has nothing left for 110 to stop: the citizen saw through it ("我没信挂了"), or
     * the police already have it ("骗子也抓到了", "已经报警了"). Then what is asked is the law: whether a
     * bank or a leak of their data is to blame, what compensation they can claim.
     */
    static boolean noFraudToStop(String compact) {
        return NO_FRAUD_TO_STOP.matcher(compact).find();
    }

    /** Whether the message says money was lent to someone the citizen knows, met offline and not vanished. */
    static boolean lentToSomeoneKnown(String text) {
        String compact = Texts.compact(text);
        return LENT_TO_SOMEONE_KNOWN.matcher(compact).find() && !VANISHED.matcher(compact).find();
    }

    private static Optional<Utterance> emergency(String compact) {
        Set<Hotline> numbers = EnumSet.noneOf(Hotline.class);
        for (Rule rule : EMERGENCIES) {
            if (rule.pattern().matcher(compact).find()) {
                numbers.addAll(rule.numbers());
            }
        }
        // EnumSet iterates in declaration order, which is most urgent first: 110, 120, 119
        return numbers.isEmpty() ? Optional.empty() : Optional.of(Utterance.emergency(List.copyOf(numbers)));
    }

    /**
     * Another hotline's matter, unless the message only supposes it to ask the law ({@link Hindsight#supposes}),
     * tells of a fraud with nothing left for 110 to stop ({@link #noFraudToStop}), or is a nanny's pay.
     */
    private static Optional<Utterance> referral(String compact) {
        if (Hindsight.supposes(compact)) {
            return Optional.empty();
        }
        return REFERRALS.stream()
                .filter(referral -> referral.pattern().matcher(compact).find())
                .filter(referral -> referral.hotline() != Hotline.ANTI_FRAUD || !noFraudToStop(compact))
                .filter(referral -> referral.hotline() != Hotline.SOCIAL_SECURITY || !DOMESTIC_WORK.matcher(compact).find())
                .filter(referral -> !EnumSet.of(Hotline.CITY_SERVICES, Hotline.CONSUMER_COMPLAINTS, Hotline.SOCIAL_SECURITY)
                        .contains(referral.hotline()) || !LAW_ASKED.matcher(compact).find())
                .findFirst()
                .map(referral -> Utterance.referral(referral.hotline()));
    }

    private static Utterance.GreetingKind greetingKind(String compact) {
        if (HAS_GOODBYE.matcher(compact).find()) {
            return Utterance.GreetingKind.GOODBYE;
        }
        if (HAS_THANKS.matcher(compact).find()) {
            return Utterance.GreetingKind.THANKS;
        }
        if (HAS_HELLO.matcher(compact).find()) {
            return Utterance.GreetingKind.HELLO;
        }
        return Utterance.GreetingKind.ACK;
    }

    private static int number(String digit) {
        int chinese = "一二三四五六七八九".indexOf(digit);
        return chinese >= 0 ? chinese + 1 : Integer.parseInt(digit);
    }

    private record Rule(Pattern pattern, Set<Hotline> numbers) {
    }

    private record Referral(Pattern pattern, Hotline hotline) {
    }
}
