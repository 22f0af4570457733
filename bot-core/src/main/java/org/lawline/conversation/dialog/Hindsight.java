package org.lawline.conversation.dialog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Danger that is over, told to ask what the law says about it: "上个月仓库着过一次火，房东该不该赔",
 * "俺儿子小时候被拐过…还能找他要赔偿不", "出租屋煤气泄漏…现在出院了 房东要不要负责". Such a message holds
 * the words of an emergency, and both the keyword rules and the recogniser took it for one; the
 * citizen then got "请立即拨打110", and the same again on asking once more, never the answer.
 *
 * <p>Three things must all hold, so that a citizen in danger is never taken for one asking in
 * hindsight: the message places what happened in the past (去年, 之前, 小时候, 着过火, 后来找回来了,
 * 已经出院); it asks a legal question (赔, 告, 合法吗, 判几年, 有没有份); and nothing in it says
 * danger is still there (正在, 刚才, 还在, 还没找到, 今天, 又来了, 不想活). A case only supposed
 * ("要是有人拿刀砍我…算不算") counts too, unless it says now outright. "前天孩子走丢了 到现在还没找到
 * 学校要负责吗" is therefore still an emergency. And the rest of the message, its clauses that
 * neither tell of the past nor suppose a case ({@link #present}), must hold no danger of its own:
 * the {@link Router} and the {@link MeaningRecogniser} look for it there before they let it go.
 */
final class Hindsight {

    /** Missing for years: "失踪十年了", "走丢好几年了". Past, and the whole matter over. */
    private static final String MISSING_FOR_YEARS =
            "(?:失踪|走丢|走失|没消息|没音讯|没有音讯|下落不明|联系不上)(?:了)?(?:都)?(?:快|有|已经)?(?:十|几|好几|多|两|三|四|五|六|七|八|九|[0-9]+)(?:多)?年";
    /** A death long past, asked about the estate: "老伴走了五年了", "他没留遗嘱", "婆婆活着的时候说过". Past, and the whole matter over. */
    private static final String DEATH_LONG_PAST =
            "走了(?:有)?(?:五|几|十|好几|两|三|四|[0-9]+)(?:多)?(?:年|个月)|[没冇](?:留|立|写)(?:下|低)?遗嘱|活着的时候|在世的时候|走了(?:以后|之后)"
            // "俺爷爷没了好多年了", "我爷爷不在了好多年了"; Cantonese "我老豆上年过咗身"
            + "|(?:没了|不在了|走了|过世|去世|死了)(?:有|都)?(?:好多|好些|很多|十几|几十|好几|几|多)(?:年|个年头)|过咗身|过身咗";

    /** When it happened: a time gone by, or a verb in the experiential 过 ("着过火", "被拐过"). */
    private static final Pattern PAST = Pattern.compile(
            "去年|前年|前天|大前天|前些年|那年|那时候?|生前|前几(个)?(月|年|周|天)|前(两|三|些)个月|年轻的时候|小的时候"
            // in pinyin and English: "qunian jia li zhao huo le", "last year my husband hit me", "two years ago"
            + "|qunian|qiannian|shanggeyue|yiqian|lastyear|lastmonth|lastweek|yearsago|monthsago|yearago|monthago"
            // what a dead man left: "我弟前年自杀了 留下一套房子和一些网贷" (never a letter: 遗书 is a farewell now)
            + "|留下(了)?(一套|一些|一笔|几|两|套|些|笔)(房|钱|债|网贷|存款|欠款|遗产|贷款|地)|留下的(老)?(房|钱|地|遗产|存款|宅基地)|上个?月|上个?周|上个?礼拜|上个?星期|上半年|前几天|前两天|前些天|前段时间|前阵子|前些日子"
            + "|[0-9一二两三四五六七八九十几多半]+(年|个月|天|周|个星期|礼拜)(前|以前|之前)|几年前|当时|之前|以前|曾经|小时候|年轻时"
            + "|这都过去|过去(了)?(半年|一年|好几年|好久|很久|几个月|多年)|后来|早就|早好了|事后|事发后"
            + "|已经(出院|好了|找回来|找到了|被抓|抓了|判了|结案|过去|去世|火化|下葬|搬出来)|出院了?|找回来了|被抓了|抓起来了|刑满|放出来|判了|去世|过世|才找回来"
            // "最后" as "in the end", never "最后一次发消息了", a farewell
            + "|那次|那回|那天|那晚|上次|上回|有一次|有回|那会儿|最后(?!一(次|条|个|封))|最终|抢救过来了|救过来了|抢救回来了|脱离(了)?危险"
            + "|植(了)?皮|做了手术|开了一刀|(又)?开了刀|动(了|过)(个)?手术|手术(后|以后|之后)|治好了|落下(了)?(毛病|残疾|后遗症)|留了疤|伤残(鉴定|等级)|没(救|抢救|抢)(过来|回来)|人没了|(跳楼|跳河|喝药|喝农药|上吊|自杀|溺水|摔|撞)(死的|死了|没了|没的|走的|走了|身亡|去世)|那事|那件事|那个事"
            + "|(当场|已经)?(抓到|抓住)了|(被)?带走了|(被)?拘留了|关进去了|(现在|已经)(人)?(没事|脱险|好了|稳定)了?"
            // "人没事 火也灭了", "火早灭了"
            + "|人(都|也)?没事|火(也|都|已经|早就?|早都)?(被)?(灭|扑灭|熄灭|浇灭)了"
            // Cantonese: "琴日喺街度俾人打咗 而家冇事啦"
            + "|琴日|寻日|尋日|(而家|依家|宜家|现在)(已经)?冇事"
            // a wound healed: "现在伤口长好了", "骨折养好了"; a leak mended: "燃气表漏过一次气"
            + "|(伤口|伤|骨折|骨头|腿|手|胳膊|手指)(都|也|已经|早)?(长好|养好|好|愈合|痊愈|长上)了|漏过"
            // "好了以后…不想出医药费", "年前厂里宿舍失火" (before the Spring Festival)
            + "|好了以后|好了之后|康复(了|以后|之后)|年前|过年那会|看过医生|看过病|包扎过|(医院|诊所)(看|处理|包扎)过"
            // what others did about it since: "学校说是孩子之间的事不管", "要我们赔八千"
            + "|(学校|幼儿园|医院|公司|单位|老板|物业|保险公司|商家|饭店|交警|派出所)(说|不管|不认|不给|拒绝|推|只肯|只给|只赔)"
            // treated since: "已经打了针"; a lasting harm: "我一只耳朵震聋了 到现在听不见"
            + "|(打了|打过)(针|疫苗|狂犬疫苗|破伤风)|(震|炸|打|弄|摔|撞|烫|烧)(聋|瞎|残|瘸)了|被救了|救活了|救出来了|(已经|都)?(来)?修好了"
            // a death told as leaving: "老伴走了五年了", "俺爹走了 …妹妹能分不", "她走了以后"; "活着的时候"; "上学期"
            + "|(老伴|老头子?|老太太?|老汉儿?|老爹|老爷子|爹|娘|爸|妈|父亲|母亲|爷爷|奶奶|公公|婆婆|丈夫|老公|媳妇|婆婆)(已经)?走了|"
            // "农村老宅子 我爸妈不在了 …我们有份没"
            + "(爸妈|父母|爹娘|爹妈|老人|两个老人|老两口)(都|已经)?(走了|不在了|没了|去世了|过世了)|"
            // "我哥在工地没了 赔了八十多万"
            + "(哥|弟|姐|妹|儿子|女儿|老公|丈夫|媳妇|妻子)(在.{0,6})?(没了|去世了|过世了)|" + DEATH_LONG_PAST + "|上(个)?学期|上学年"
            // earlier this year, told in December: "今年开春隔壁烧田坎", "今年七月洪水把我家稻谷全淹了"; a threat once said in a quarrel
            + "|今年(开春|春天|夏天|年初|上半年|[一二三四五六七八九十]+月)|开春的时候|(吵架|气头上|喝醉)(时|的时候)?说过|(吵架|气头上|喝醉)(时|的时候).{0,8}(经常|老是|总是|老|总)说|(吵架|气头上|喝醉)(时|的时候).{0,4}说了|(借钱|分手|离婚|吵架|喝醉|那时)(时|的时候)说过|(分手|离婚)(时|的时候)|案子(破|结|判)了|破案了|说了(好几|几|很多|这么多)年"
            + "|" + MISSING_FOR_YEARS
            + "|(要|让|找)(我|我们|俺|俺们)赔|(邻居|人家|对方|他家|别人)说"
            // the police or a hospital already came: "警察立案了", "缝了八针"
            + "|(警察|派出所|公安)(已经)?(立案|来过|处理过|出过警)|报(过)?(警|案)了|报过(警|案)|立案了|缝了.{0,3}针|住了.{0,4}院"
            + "|(着|失|起)过(一次|一回|两次)?火|(割|划)过(腕|手)|走丢过|走失过|(自杀|跳楼|喝药|轻生)过"
            // violence that stopped: "他以前喝了酒打过我 这两年不打了"; a leak mended: "燃气公司来修过了"; "上年" for last year
            + "|(这两年|这几年|后来|现在)(都|也|早)?不(打|闹|骂)了|来修过了|上年(?!纪)"
            // not "砍过来", "打过去": those are coming at the writer
            + "|(?<!没|还没|没有)(拐|打|砍|捅|抢|偷|伤|烧|埋|困|关|烫)过(?!来|去)");

    /**
     * Danger asked about as a case rather than lived: "啥叫正当防卫？要是有人拿刀砍我我把他打伤了算不算". Its
     * weapon is the case's, so only a plain word of now ({@link #SAID_NOW}) makes it danger.
     */
    private static final Pattern SUPPOSED = Pattern.compile("要是|如果|假如|万一|假设|啥叫|什么叫|什么是|是什么意思|三长两短|怕哪天|担心哪天|哪天(我|俺)?(突然)?(走了|不在了|没了)"
            // a risk only feared: "这种很容易一氧化碳中毒 心里一直不踏实"; a game's threat: "打游戏有人说要杀他全家 是开玩笑吗"
            + "|(很|太|特别)?容易(一氧化碳|煤气)?(中毒|着火|出事)|开玩笑|打游戏|游戏里"
            // someone else's case in the news: "新闻上说有人在出租屋煤气中毒死了 我自己也是房东"
            + "|新闻(上|里)?(说|报道|讲|看到)|电视(里|上)|刷到(一个|个|一条)?(新闻|视频)|看到(个|一个|一条)?(新闻|报道)|看新闻|追剧|看剧|电视剧|(剧|电影|小说)里|(看完|看了)(一部|个|一个)?(剧|电影|小说)"
            // hearsay of harm already done to someone else: "听说我们村有人租房子煤气中毒死了"
            + "|听说.{0,10}有人.{0,16}(死了|没了|去世|中毒|出事|淹死|烧死|摔死|被打)|听说.{0,12}(中毒|死了|没了|出事|着火|被打|被砍|跳楼)"
            // "朋友圈都在转一个孕妇被公司逼到跳楼的事 真的假的"
            + "|朋友圈(里)?(都)?在(转|传)|网上(都)?在(转|传)|都在转"
            // "听说我们村有人为宅基地打架": someone else of the place, not a threat to the writer
            + "|听说.{0,6}(村|小区|楼|单位|厂|那边|隔壁|老家|镇|学校)(里|上)?(有人|有个)"
            // "朋友说他们小区有人被困在电梯里好几个小时"; "电视上说有人被拐卖二十年才找回来"
            + "|(朋友|同事|亲戚|邻居|同学)(说|讲).{0,6}(小区|村|单位|厂|学校|那边|公司)(里|上)?(有人|有个)|电视(上|里)(说|报道|讲|放)"
            // "听村里人讲 有家人老的喝农药走了"; "听说我们学校有女生被跟踪"; "刷到热搜"; "顺着网线来砍我全家"
            + "|听.{0,4}(人|别人|人家)?(讲|说).{0,10}有(人|家人|个|户)(?!.{0,10}(热线|电话|号码|部门))|听说.{0,6}(学校|小区|村|单位|公司)(里|上)?有(女生|男生|学生|老人|孩子|小孩)|热搜|刷到|顺着网线");

    /** A case said outright to be only asked about: "我就是先问问 还没碰上", "纯好奇 不是真事哈". */
    private static final Pattern HYPOTHETICAL = Pattern.compile(
            "还没(碰上|遇到|发生|遇上|碰到)|就是先问问|提前(了解|问问)|纯好奇|不是真事|只是假设|假设一下");

    /** What breaks in as it happens, in a supposed case or a story: "…哎等下 我老公跟老板吵起来了 老板从厨房拿了把菜刀出来". */
    private static final String BREAKS_IN = "吵起来了|打起来了|拿(了|着)(一)?把(菜刀|刀|斧头|砍刀)";

    /** Now, said outright, whatever case is supposed. */
    private static final Pattern SAID_NOW = Pattern.compile(
            // not "要不要现在就写遗嘱": doing something about the supposed case now
            "正在(?!打官司|起诉|诉讼|申请|办理|走程序)|刚(才|刚)|马上|此刻|这会儿|现在(?!就?(写|立|办|做|准备|去办|去写)|还没|没|(已经)?(分居|分开|离婚|搬出来|不在一起|不住一起))|今天|今晚|(?<!爹妈都|父母都|爸妈都|老人都|爹妈|父母|爸妈|老人)还在|(?<!喊|叫|呼)救命(?!钱)|救救|快救|来救(我|我们|人|命)|求救"
            // what breaks into a supposed case as it happens: "…要是不退我能去哪里告他 哎等下 我老公跟老板在院子里吵起来了 老板从厨房拿了把菜刀出来"
            + "|" + BREAKS_IN);

    /** What the citizen asks: compensation, liability, whether something is lawful, a sentence, a share. */
    private static final Pattern LEGAL_ASK = Pattern.compile(
            "赔|损失|告(?!诉)|起诉|上诉|诉讼|打官司|法院|见死不救|父债子还|补办|抚养权|探视权|取证|一审|二审|有(没有)?规定|判(好|多)久|判好多年|加班费|能退(吗|不|么)|退不退|(会|要)(被抓|被罚|受罚|罚款)|会不会(被抓|被罚|有事|违法|犯法)|(会|要)(咋样|怎么样)|(找|让|叫).{0,6}(赔|陪)(不|吗|么)|(涉水|车损|三者|交强|商业)险|合法|违法|犯法|犯罪|算不算|担责|判(了)?(几|多)|判了?多久|会判|怎么判|坐牢|刑事责任|追究|负责|责任"
            + "|有没有份|有份|没份|莫得份|没得份|能分|还是(我们|我|他们|他|她)出|宅基地|能(接着|继续)(住|用)|法律依据|强制执行|扶养费|仲裁|分多少|遗产|继承|监护|离婚|辞退|开除|解除(劳动)?合同|工伤|保险|理赔|补偿|维权|索赔|报销|律师|要回|讨回|追回|要账|鉴定|医疗事故|户口|算谁|谁(来)?(出|担|承担|赔)|该谁|有没有关系|不关.{0,4}事|还吗|还不还|要还|得还|替.{0,3}还|要给吗|给不给|该不该给|要不要给"
            + "|(单位|公司|老板|学校|医院|物业|房东|保险公司|商家|游泳馆|对方)(能|可以|有没有|要不要|该不该|会不会|应不应该)"
            + "|(能|可以)(找|向|跟).{0,6}要"
            // "房子该归谁", "算正当防卫不", and 赔 typed as its homophone: "这损失找谁陪"
            + "|归谁|该归|归属|找谁陪|谁来?陪|算.{1,8}(不|吗|么|嘛)$"
            + "|合理(不|吗|么|嘛)|合不合理|该不该收|乱收费"
            // "如果有人拿刀威胁我 我反抗把他打伤了 算正当防卫吗 就是好奇问问", "学校的学平险能报吗"
            + "|正当防卫|防卫过当|能报(吗|不|么)|学平险"
            // in pinyin and English
            + "|peiqian|peichang|peima|qisu|lihun|lvshi|falv|fayuan|(?<!is|pur)sue|compensat|claim|divorce|lawyer|legal|court|custody|responsib"
            // an estate: "没留遗嘱 老房子咋分", "万一我走了 我的房子和存款给谁"
            + "|遗嘱|(咋|怎么|如何|怎样)分|(房子|存款|钱|财产|东西|遗产|家产).{0,4}(给|归|留给)谁|(给|归).{0,6}还是(给|归)"
            // grounds for a divorce: "这事能当离婚理由吗"
            + "|(能|可以)(当|作为|算)(离婚)?的?(理由|证据)|(能|可以)不(管|养|赡养|给钱|出钱)"
            // "家里想办宣告死亡 好处理他的房子", "能找开发商退房吗"
            + "|宣告(死亡|失踪)|(能|可以)找.{0,8}(退|赔|要|负责)|名下的?(房子|存款|财产|钱|地)|(房子|财产|存款|地)(该)?怎么(办|处理)"
            // "那时候的证据过了这么久还有用吗"
            + "|证据.{0,10}(有用|有效|算数|管用|还算)"
            // "我该怎么留证据"; "能申请人身安全保护令吗"; "赡养费咋算"; "房子一直没过户 现在咋办"
            + "|(留|保留|收集|固定)证据|保护令|赡养|抚养费|(咋|怎么)算|过户|欠薪|讨薪"
            // "能不能跟他断绝母子关系", "我必须养吗", "法律上认不认", "提前办个啥手续", "这合规吗", "能退租不付违约金吗", "这算威胁吗哈哈哈"
            + "|断绝.{0,4}关系|(必须|一定要|非得)(养|管|给|还|赔)|算(啥|什么)|认不认|(能|可以)(不租|拒租|拒绝|要求)|不租给|立案|关多久|拘留多久|会被关|凭(什么|啥)|医药费|保护措施|有没有效|有效吗|手续|合规|违规|违约金|退租|替(他|她).{0,4}出头"
            + "|算(不算)?(威胁|犯罪|违法|诽谤|侮辱|敲诈|非法拘禁)"
            // what the citizen may do: "假如…被人偷拍 我抓住了他 能扣他手机吗"
            + "|(能|可以|能不能)(扣|没收|拿走|删|拦|搜|关)"
            // a witness's duty: "我当时在旁边 要去出庭作证吗"
            + "|作证|出庭|证人"
            // "能让他出钱不", "扶养权咋判", "这个还算数不", "存款咋取出来", "维修费该我出还是物业出", Cantonese "点分"
            + "|正规(不|吗|么)|(能|可以|有权)强制|能留给|留给(我妈|我爸|孩子|谁)|给谁|抚恤金|能取出来|不还了|借条还在|协议|能分(不|吗|么)|出钱|(咋|怎么|如何)判|算数(不|吗|么)|能要(不|吗|么)|(咋|怎么|如何)(取|弄|拿)(出来|回来)|谁出|该.{0,2}出|点分");

    /** Anything that says the danger is still there, or the writer is at risk now. */
    private static final Pattern NOW = Pattern.compile(
            // a lawsuit under way is not danger: "正在打官司", "在起诉"
            "正在(?!打官司|起诉|诉讼|申请|办理|走程序)|在(打(?!.{0,4}官司)|砍|砸|追|烧|冒|流|抢|闹|堵|撬|踹)|刚(才|刚)|马上|立刻|赶紧|快(点|来|不行|要|死)|(?<!欠条|借条|收条|证据|合同|东西|房子|户口|手里|名字)还在|还没(找到|回来|回家|醒|联系上|出来)"
            + "|至今(没|未|不)|到现在(还|都)?(没|不)(?!消息|结果|动静|下文|回音|处理|判|赔|给|还|退)|此刻|这会儿|今天|今晚|今早|今儿|昨晚|昨天晚上|半夜|又在(?!群|网上|朋友圈|微信|抖音|快手|微博)|又(来|要|打|想|动手|冒|着|烧|拿|堵|不见|找不到|走丢|跑)"
            + "|冒烟|烧起来|着火了|起火了|(煤气|燃气|天然气)味|不见了|(?<!发票|票据|证据|合同|收据|单据|借条|欠条|记录)找不到了|(砍|打|冲|追|扑)过来|拿着(刀|棍|斧头|枪|火药枪|猎枪|土枪)|拿(刀|棍|斧头|枪)(堵|守|站|在|冲|追|找|对着)|门口"
            + "|想死|去死|(?<!之前|以前|那时|当时|那会|那阵)不想活|活不下去|(现在|又|还是|总是|老是|一直)想不开|(?<!去年说|当时说|那时说|以前说|之前说|那会说|说过|老说|总说|常说|吵架说)(想|要)(自杀|跳|割腕|喝药|吃药|轻生|寻死|了结|结束生命)|活着(还)?有?(啥|什么)?意思|(?<!说过|老说|总说|常说)(要跳|要杀|要砍)|拿着刀|叫不醒|没(有)?呼吸|喘不上|流血|救命(?!钱)|救救|快救|来救(我|我们|人|命)|求救"
            // what the writer sees and hears as it happens: "喊他没反应", "在抽搐", "烟从门缝进来了", "往高速方向去了"
            + "|抽搐|口吐白沫|没(有)?反应|喊不醒|不省人事|冒(黑)?烟|烟从|一滩血|血(一直|止不住|还)|(?<!咬|抓|挠|擦|蹭)出血了|喘不(动|上|过)|发黑|冷汗"
            + "|又开始|刚(有|把|被|从|在)|闯进(来|了|屋)|往外(拖|拽)|在(拍|敲|踹|砸|喊|哭|吐|抽)|(说|要|想)要?(从|往).{0,6}跳|炭.{0,3}点(上|着)|刀片|划了|反锁"
            + "|被困|困在|出不去|(叫|喊)不(应|答应)|" + BREAKS_IN + "|脸(是|都|发)?(青|紫)(的|了)|嘴(角)?(都)?(歪|斜)了|掏出(一把|把)?(刀|枪|匕首)|(刀|匕首)(抵|架|顶)(在|着)|往.{0,8}(去|跑|开)了|(已经|都|快)[0-9一二两三四五六七八九十几半多]+个?多?(小时|钟头|分钟)了");

    /** A fire said to be out: "火也灭了", "火早灭了". */
    private static final String FIRE_OUT = "(?:火(?:也|都|已经|早就?|早都|当时就?)?(?:被)?|消防(?:员)?(?:来|过来)?(?:给)?|早就?|早都)(?:灭|扑灭|熄灭|浇灭)了";

    /**
     * The whole matter said to be over, however its clauses tell it: "这是上个月的事了", "是前年冬天的事".
     * Then no clause is read again for danger (the message's words of now still count).
     */
    private static final Pattern ALL_OVER = Pattern.compile(
            // never any "…的事": "上个月跟房东打官司的事想问下" is not the whole message
            "是(.{0,8})的事|(?:去年|前年|上个?月|上半年|[0-9一二两三四五六七八九十几]+(?:年|个月)(?:前|以前))的事了?|事情(?:都|已经)?过去了|" + FIRE_OUT
            // the one in danger saved: "大出血 抢救过来了 现在已经出院", "现在人没事了"
            + "|(?:抢救|救|劝|拉)(?:过来|回来|下来)了|脱离(?:了)?危险|(?:现在|已经)?人(?:现在|已经)?(?:都|也)?没事了|把人(?:拉|救|捞)(?:上来|上岸|出来)了"
            // treated: "被别的小孩咬出血了 已经打了针"
            + "|已经(?:打了|打过)(?:针|疫苗|狂犬疫苗|破伤风)|已经(?:包扎|处理|缝)(?:好|过)?了"
            // missing for years, asked about declaring it: "我哥失踪十年了 一直没消息 家里想申请宣告死亡"
            + "|" + MISSING_FOR_YEARS + "|(?:十|几|好几|多|两|三|四|五|六|七|八|九|[0-9]+)(?:多)?年(?:了)?(?:都|一直)?(?:没有?)(?:消息|音讯|联系|回来)"
            // "好几个人中毒了 现在都好了"
            + "|(?:现在|已经)(?:人)?都(?:好了|治好了|康复了)"
            // words said in anger, since made up: "他说我要走他就去死 结果后来也没事", "我妈说我再这样她就去跳楼 是气话 后来早和好了"
            + "|(?:后来|结果)(?:也|都)?没(?:什么)?事|是气话|说的(?:是)?气话|早(?:就)?和好了|(?:都)?是醉话"
            // "最后在公园找到了 没事", "现在好好的", "朋友说全程看着我没出事"
            + "|(?:已经|都)(?:来)?修好了|被救了|救活了|(?:被)?救出来了|(?:最后|后来|已经)(?:在.{0,8})?找到了|找到了.{0,3}(?:没事|人没事)|(?:现在|人)(?:都)?好好的|没出(?:什么)?事|才找回来"
            + "|" + DEATH_LONG_PAST
            // "三年前走了", "前几年尘肺病走了"
            + "|(?:[0-9一二两三四五六七八九十几多]+年(?:前|以前)|前几年|前些年|早些年|好些年前)(?:.{0,8})(?:死了|走了|去世|没了|过世|死的|走的)"
            // over since: "鼻子流血 现在已经好了", "后来也没再找我", "现在已经在看心理医生了 状态好多了"
            + "|(?:现在)?已经(?:都)?(?:好了|痊愈了|康复了|好多了)|状态好多了|(?:后来|之后)(?:也|就)?没再(?:找|来|联系|闹)"
            // "这事就过去了", "现在过去一年了"
            + "|这事(?:就|都|已经)?过去了|(?:现在|已经|都)(?:已经)?过去(?:一|两|三|几|半|好几)?(?:年|个月)(?:多)?了");
    private static final Pattern FIRE_PUT_OUT = Pattern.compile(FIRE_OUT);
    /** Someone said to be saved or talked down: "说要跳楼 被劝下来了 现在好了". */
    private static final Pattern SAVED = Pattern.compile("(?:抢救|救|劝|拉|拽)(?:过来|回来|下来|出来)了|脱离(?:了)?危险");
    private static final Pattern THREAT_SAID = Pattern.compile("说(过)?(要)?(砍|杀|弄|打)死(我|你|他)(全家)?");
    private static final Pattern SELF_HARM_SAID = Pattern.compile("(?:说)?(?:想|要)(?:自杀|跳楼|跳河|跳|割腕|喝药|吃药|轻生|寻死)");
    private static final Pattern FIRE_LONG_AGO = Pattern.compile(
            "(?<when>(?:去年|前年|大前年|上个?月|上半年|那年|前几年|前些年|早些年|[0-9一二两三四五六七八九十几]+(?:年|个月)(?:前|以前))(?:(?!现在|刚|又|正|今天|今晚).){0,10}?)(?:着火了?|起火了?|失火了?|烧起来了)");
    private static final Pattern FIRE_STARTED = Pattern.compile("着火了|起火了|失火了|烧起来了");

    /** A time gone by, as "是…的事" names it: not "不是他的事". */
    private static final Pattern GONE_BY = Pattern.compile("去年|前年|月|年前|天前|周|礼拜|冬天|夏天|春天|秋天|过年|那会|那时|以前|之前");

    /** What ends a clause in any writing: punctuation, half- and full-width. */
    private static final String PUNCTUATION = "\\p{Punct}\u3000，。！？、；：…～“”‘’（）《》";
    /** Where a message's clauses part: punctuation and the spaces citizens type for it. */
    private static final Pattern CLAUSES = Pattern.compile("[\\s" + PUNCTUATION + "]+");

    /** Words quoted after the verb that reports them: "老板上周说“你敢去仲裁我就弄死你”" is one clause, and as old as its telling. */
    private static final Pattern QUOTED = Pattern.compile("((?:说|发|写|讲|道|骂|喊|念叨)(?:过|了|着)?(?:一?句)?)[:：]?\\s*[“\"「『‘']([^”\"」』’']{0,60})[”\"」』’']");
    /** A clause that goes on telling what the one before it told: "半年前他喝醉把电视砸了 还说要同归于尽". */
    private static final Pattern GOES_ON_TELLING = Pattern.compile("^(还|也|并且|而且)?(扬言|放话|威胁)|^(还|也|并且|而且)(说|骂|讲|喊)");
    /** A clause that ends by reporting what was said: the next clause is the words reported ("老板上个月骂我说 再来要工资我弄死你"). */
    private static final Pattern REPORTS = Pattern.compile("(说|道|骂|讲|喊|念叨|威胁)(过|了|着)?$");

    /** Pinyin and English space their words, so only punctuation ends their clauses. */
    private static final Pattern LATIN_CLAUSES = Pattern.compile("[" + PUNCTUATION + "]+");

    /** Whether the text is written mostly in Latin letters (pinyin, English) rather than in characters. */
    private static boolean latin(String text) {
        long latin = text.codePoints().filter(c -> c < 128 && Character.isLetter(c)).count();
        long characters = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        return latin > 2 * characters;
    }

    /** Harm to oneself, told of the writer or of someone near: the answer closes with the crisis line. */
    private static final Pattern SELF_HARM = Pattern.compile("自杀|轻生|寻死|割(过)?腕|跳楼|跳河|喝(过|了)?(农)?药|吃(过|了)?安眠药|服毒|抑郁|不想活|洗(过)?胃");

    private Hindsight() {
    }

    /** Whether the message asks what the law says: compensation, liability, lawfulness, a share ({@link #LEGAL_ASK}). */
    static boolean asksTheLaw(String compact) {
        return LEGAL_ASK.matcher(compact).find();
    }

    /**
     * Whether the message only supposes a case to ask the law of it, and tells of nothing that
     * happened: "听说有人冒充公检法骗钱 假如我真被骗了 银行有没有责任赔" is not a fraud victim's.
     */
    static boolean supposes(String compact) {
        return LEGAL_ASK.matcher(compact).find()
                && (HYPOTHETICAL.matcher(compact).find() && SUPPOSED.matcher(compact).find()
                    || SUPPOSED.matcher(compact).find() && !SAID_NOW.matcher(compact).find() && !PAST.matcher(compact).find());
    }

    /** Whether the message tells of danger that is over, to ask a legal question about it. */
    static boolean tells(String compact) {
        if (!LEGAL_ASK.matcher(compact).find()) {
            return false;
        }
        // "上个月家里厨房着火了 火早灭了": the fire's start is no word of now once it is said to be out, or dated long ago
        // ("前年家里着火了 烧了半个屋 保险公司说不赔"); "前天着火了 到现在还在冒烟" keeps its other words of now
        String now = FIRE_PUT_OUT.matcher(compact).find() ? FIRE_STARTED.matcher(compact).replaceAll("")
                : FIRE_LONG_AGO.matcher(compact).replaceAll("${when}");
        // "我哥去年喝醉了说要跳楼 被劝下来了": what he said before he was saved is no word of now
        now = SAVED.matcher(now).find() ? SELF_HARM_SAID.matcher(now).replaceAll("") : now;
        // "包工头喝多了说要砍死我 那是上个月的事 后来没找过我": a threat once said, of a matter said to be over
        now = allOver(compact) ? THREAT_SAID.matcher(now).replaceAll("") : now;
        return PAST.matcher(compact).find() && !NOW.matcher(now).find()
                || SUPPOSED.matcher(compact).find() && !SAID_NOW.matcher(compact).find();
    }

    /**
     * The message without its clauses that tell of the past or suppose a case: where danger must
     * still be looked for before the message is taken for hindsight. "工地上刚有人从脚手架摔下来 后脑勺一滩血
     * 喊他没反应 去年也摔过一个老板赔了钱 这次老板是不是也得赔" keeps its first three clauses, which are
     * danger now; "我媳妇去年喝农药走了 她娘家人要我赔钱" keeps only the second. A message written without
     * a break is one clause: {@link #tells} alone decides for it; so does one that says the whole
     * matter is over ("这是上个月的事了", "火早灭了"). The clauses after a supposed case are the case's
     * ("假如有小偷半夜进我家 我把他打伤了 算正当防卫不"), unless they say now in their own words
     * ({@link #NOW}: "要是他再来怎么办 他拿着刀在门口").
     */
    static String present(String text) {
        return String.join(" ", presentClauses(text));
    }

    /** The clauses of {@link #present}, each as written: a message spaced word by word is one clause. */
    static List<String> presentClauses(String text) {
        if (allOver(Texts.compact(text))) {
            return List.of();
        }
        List<String> present = new ArrayList<>();
        boolean supposing = false;
        boolean past = false;
        boolean reported = false;
        String told = joinQuoted(text);
        // pinyin and English space their words: their clauses end at punctuation only ("qunian jia li zhao huo le, fangdong shuo …")
        String[] clauses = (latin(told) ? LATIN_CLAUSES : CLAUSES).split(told);
        // a space after every word or two ("我 朋友 打 游戏 有 人 说 要 杀 他 全家", as some deaf writers and voice input
        // space it) parts no clauses: the message is one
        if (clauses.length > 3 && Texts.compact(text).length() < clauses.length * 2) {
            clauses = new String[] {told};
        }
        for (String clause : clauses) {
            String compact = Texts.compact(clause);
            if (SUPPOSED.matcher(compact).find()) {
                supposing = true;
                continue;
            }
            past = PAST.matcher(compact).find()
                    || past && (GOES_ON_TELLING.matcher(compact).find() || reported) && !NOW.matcher(compact).find();
            reported = past && REPORTS.matcher(compact).find();
            if (!compact.isEmpty() && !past && (!supposing || NOW.matcher(compact).find())) {
                present.add(clause.strip());
            }
        }
        return present;
    }

    /** The text with each quotation joined to the clause that reports it ({@link #QUOTED}), its own spaces gone. */
    private static String joinQuoted(String text) {
        Matcher quoted = QUOTED.matcher(text);
        StringBuilder joined = new StringBuilder();
        while (quoted.find()) {
            quoted.appendReplacement(joined, Matcher.quoteReplacement(quoted.group(1) + quoted.group(2).replaceAll("\\s+", "")));
        }
        return quoted.appendTail(joined).toString();
    }

    /** Whether the text says, in a word of its own, that something is happening now: 刚才, 正在, 还在, 今晚, 冒烟 … */
    static boolean saysNow(String compact) {
        return NOW.matcher(compact).find();
    }

    private static boolean allOver(String compact) {
        Matcher over = ALL_OVER.matcher(compact);
        while (over.find()) {
            if (over.group(1) == null || GONE_BY.matcher(over.group(1)).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a message told in hindsight speaks of harm to oneself: the writer, or someone they
     * write about, may still need the crisis line beside the answer.
     */
    static boolean speaksOfSelfHarm(String compact) {
        return SELF_HARM.matcher(compact).find();
    }
}
