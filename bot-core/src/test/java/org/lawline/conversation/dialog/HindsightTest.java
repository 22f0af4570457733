package org.lawline.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Danger that is over, told to ask the law, against danger still there: the second must never
 * pass for the first, whatever legal question it also asks.
 */
class HindsightTest {

    @ParameterizedTest(name = "\"{0}\" is told in hindsight")
    @ValueSource(strings = {
            "邻居家失火把我家也烧了 这都过去半年了 他们说没钱 我能告他们吗",
            "我媳妇去年喝农药走了 她娘家人现在天天上门要我赔钱 我要赔吗",
            "我表弟持刀抢劫被抓了 他才十七岁 大概会判几年",
            "三年前出车祸腿断了 现在还能要赔偿吗",
            "以前被家暴过 离婚时能多分财产吗",
            "孩子在学校被打过 学校有没有责任",
            "去年被人打伤了 现在正在打官司 对方要赔多少",
            "去年厂里仓库起火烧了 我寄存在那的货损失算谁的",
            "我婆婆去年在医院抢救没抢回来 总觉得医生有问题 咋告医院",
            "同事上班时候心梗倒在工位上没救过来 算不算工伤",
            "我儿子溺水那事 游泳馆救生员当时在玩手机 这个要怎么告他们",
            "那回电梯困人我被关了俩小时 吓出心脏病来了 能找物业要精神损失费不",
            "电瓶车在楼下充电起火 把车棚烧了 人都没事 火也灭了 厂家要不要赔",
            "前几天隔壁仓库着火 烧到我存的货了 火早灭了 这个损失找谁陪",
            "俺爹前年喝药走了 留下两间房 他兄弟来抢 房子该归谁",
            "假如有人半夜翻墙进我家偷东西 我把他打伤了 算正当防卫不",
            "家里燃气表漏过一次气 燃气公司来修好了 收了我八百 合理吗",
            "在厂里被机器压伤了手 现在伤口长好了 老板不给认工伤",
            "服务员把热汤洒我身上 烫伤已经看过医生了 饭店该赔多少",
            "俺爷爷前年中风走了 没留遗嘱 老房子咋分 俺爹他们兄妹五个",
            "万一我出意外走了 我的房子和存款给谁 我没结婚",
            "万一哪天我死了 孩子还小 我的存款谁来管 要不要现在就写遗嘱",
            "新闻上说有人在出租屋煤气中毒死了 我自己也是房东 这种情况房东要担责任吗",
            "万一我哪天出车祸死了 我的房子是给我老婆还是给我爸妈",
            "婆婆以前有一次拿着菜刀吓唬我 后来道歉了 这事能当离婚理由吗",
            "听说我们村有人为宅基地打架 被打住院了 这种打人的要坐牢不",
            "我妈年轻的时候被我爸打过好多次 现在我爸老了要我养他 我能不管他吗",
            "爷爷留下的老房子拆迁款叔叔全拿走了 我爸有没有份",
            "老公以前打过我 现在分居了没再打 那时候的证据过了这么久还有用吗",
            "大前年家里起火了 烧了厨房 物业要我赔楼道的损失 合理吗",
            "老家的老宅子 我爸妈都不在了 二哥一直住着 我们姐妹有份没",
            "今年七月大水把鱼塘冲垮了 买的保险公司拖着不赔 能告吗", "老汉儿走了 老房子大哥说姑娘莫得份",
            "那次在河边有人落水 我跳下去把人拉上来了 手机泡坏了 能让他家赔吗",
            "老板喝醉了说要打死我 那是去年的事 这算威胁吗 能告他不", "我弟在矿上没了 赔了六十万 弟媳要全拿走 我妈能分多少"})
    void dangerThatIsOverAndALegalQuestionIsHindsight(String text) {
        assertThat(Hindsight.tells(Texts.compact(text))).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is danger still there")
    @ValueSource(strings = {
            "去年他就打过我 今天又拿刀堵在门口 能告他吗",
            "之前割过腕 现在又想自杀了 公司还要辞退我",
            "前天孩子走丢了 到现在还没找到 学校要负责吗",
            "以前他就家暴 刚才又打我了 能离婚吗",
            "上个月着过一次火 现在厨房又冒烟了 房东要负责吗",
            "之前被他砍过 他拿刀砍过来了 能告他吗",
            "他以前说过要杀我 我能起诉吗 他现在还在门口",
            "之前自杀过 现在又想不开了 单位还要辞退我",
            "以前被打过 他又来了 快来救救我 能告他吗",
            "要是他现在拿刀砍我 我能还手吗",
            "他之前被带走了 今天放出来又拿刀堵在门口 能告他吗",
            "我妈之前住过院 现在又叫不醒了 医院要负责吗",
            "前年就着过一次火 昨天又着火了 到现在还在冒烟 房东要负责吗",
            "去年家里着火了 今天隔壁又烧起来了 物业该不该赔",
            "去年买的房子现在着火了 开发商要负责吗",
            "要是房东不退押金我能告他吗 哎等下 他拿了把刀出来了"})
    void dangerStillThereIsNeverHindsight(String text) {
        assertThat(Hindsight.tells(Texts.compact(text))).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" tells of danger but asks nothing of the law")
    @ValueSource(strings = {"我爸上个月走丢过一次 这次又不见了", "老房子之前就塌过 俺婶子压在底下", "以前被拐过的孩子又找不到了"})
    void dangerWithoutALegalQuestionIsNeverHindsight(String text) {
        assertThat(Hindsight.tells(Texts.compact(text))).isFalse();
    }

    @Test
    void aQuotationIsAsOldAsTheClauseThatReportsIt() {
        assertThat(Hindsight.present("房东上礼拜发短信说“再不搬 就弄死你” 我已经搬了 能告他吗")).isEqualTo("我已经搬了 能告他吗");
        // a quotation with no time of its own told now stays now
        assertThat(Hindsight.present("他刚才在门口喊“今天就砍死你” 能告他吗")).contains("砍死你");
    }

    @Test
    void aClauseThatGoesOnTellingThePastIsPastUnlessItSaysNow() {
        assertThat(Hindsight.present("去年他喝醉了把碗全摔了 还扬言要烧房子 现在分居了")).isEqualTo("现在分居了");
        assertThat(Hindsight.present("去年他喝醉了把碗全摔了 还说今晚就来烧房子")).isEqualTo("还说今晚就来烧房子");
    }

    @Test
    void thePresentIsTheMessageWithoutItsClausesOfThePast() {
        assertThat(Hindsight.present("工地上刚有人从脚手架摔下来 后脑勺一滩血，去年也摔过一个老板赔了钱。这次老板是不是也得赔"))
                .isEqualTo("工地上刚有人从脚手架摔下来 后脑勺一滩血 这次老板是不是也得赔");
        assertThat(Hindsight.present("我媳妇去年喝农药走了 她娘家人天天上门")).isEqualTo("她娘家人天天上门");
        assertThat(Hindsight.present("以前割过腕缝了六针好多年没这样了")).isEmpty();
        // a second operation is part of the story told: "又开了一刀" is no knife now
        assertThat(Hindsight.present("我爸前年在医院做手术 医生把纱布落肚子里了 又开了一刀 现在好了 能告医院吗"))
                .isEqualTo("医生把纱布落肚子里了 能告医院吗");
        // hearsay of someone else's harm is a case supposed, and so are the clauses after it
        assertThat(Hindsight.present("听说我们村有人为宅基地打架 被打住院了 这种打人的要坐牢不")).isEmpty();
        // what a dead man left is his past, a farewell letter is not
        assertThat(Hindsight.present("我弟前年自杀了 留下一套房子和一些网贷 我们要替他还债吗")).isEqualTo("我们要替他还债吗");
        assertThat(Hindsight.present("他留下一封遗书 欠的钱要我还吗")).isEqualTo("他留下一封遗书 欠的钱要我还吗");
        assertThat(Hindsight.present("我媳妇去年喝农药走了\u3000她娘家人天天上门")).isEqualTo("她娘家人天天上门");
        // the whole matter said to be over, late in the message
        assertThat(Hindsight.present("我爸在工地从二楼摔下来 腿骨折流了好多血 老板说不算工伤 这是上个月的事了")).isEmpty();
        assertThat(Hindsight.present("工地上刚有人摔下来 一滩血 老板说不是他的事")).isEqualTo("工地上刚有人摔下来 一滩血");
        // a fire said to be out is over, whatever clause tells of it
        assertThat(Hindsight.present("隔壁着火 烧到我的货了 火早灭了 损失找谁赔")).isEmpty();
    }

    @Test
    void theClausesAfterASupposedCaseAreTheCasesUnlessTheySayNow() {
        assertThat(Hindsight.present("假如有小偷进我家 我把他打伤了 算正当防卫不")).isEmpty();
        assertThat(Hindsight.present("要是他再来我能还手吗 他拿着刀在门口")).isEqualTo("他拿着刀在门口");
    }

    @ParameterizedTest(name = "\"{0}\" speaks of self-harm")
    @ValueSource(strings = {"公司说我之前自杀未遂 要开除我 合法吗", "我以前抑郁症割过腕 早好了 要辞退我 能这样吗"})
    void selfHarmInHindsightIsRecognisedForTheCrisisLine(String text) {
        String compact = Texts.compact(text);
        assertThat(Hindsight.tells(compact)).isTrue();
        assertThat(Hindsight.speaksOfSelfHarm(compact)).isTrue();
    }

    @Test
    void aMessageSpacedWordByWordIsOneClause() {
        assertThat(Hindsight.present("我 朋友 打 游戏 有 人 说 要 杀 他 全家 是 开 玩笑 吗 这种 犯 法 吗")).isEmpty();
        assertThat(Hindsight.present("我 妈妈 倒 地上 不 说话 怎么办")).isEqualTo("我 妈妈 倒 地上 不 说话 怎么办");
        // read again clause by clause for danger, it is still one clause, not a dozen single words
        assertThat(Hindsight.presentClauses("我 妈妈 倒 地上 不 说话 怎么办")).containsExactly("我 妈妈 倒 地上 不 说话 怎么办");
    }

    @Test
    void pinyinAndEnglishClausesEndAtPunctuationNotAtEverySpace() {
        assertThat(Hindsight.presentClauses("qunian jia li zhao huo le, fangdong shuo yao wo pei qian, wo yao pei ma"))
                .containsExactly("fangdong shuo yao wo pei qian", "wo yao pei ma");
        assertThat(Hindsight.presentClauses("Last year my husband hit me. Can I use the police record in the divorce?"))
                .containsExactly("Can I use the police record in the divorce");
    }

    @Test
    void thePresentsClausesAreTheClausesNotToldAsPastNorSupposed() {
        assertThat(Hindsight.presentClauses("我媳妇去年喝农药走了，她娘家人天天上门。今天又来了 堵在门口"))
                .containsExactly("她娘家人天天上门", "今天又来了", "堵在门口");
        assertThat(Hindsight.presentClauses("要是他再来我能还手吗 他拿着刀在门口")).containsExactly("他拿着刀在门口");
        assertThat(Hindsight.presentClauses("隔壁着火 烧到我的货了 火早灭了 损失找谁赔")).isEmpty();
    }
}
