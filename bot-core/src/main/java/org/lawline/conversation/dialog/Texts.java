package org.lawline.conversation.dialog;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** How the router reads a citizen's text, whatever keyboard or input method produced it. */
final class Texts {

    private Texts() {
    }

    /**
     * The text with full-width forms folded (１ → 1, Ａ → a), lower-cased, and everything but
     * letters and digits removed: spaces, punctuation and emoji carry no meaning for routing, and
     * citizens type "人工。", "人 工" and "人工！！" alike.
     */
    static String compact(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints()
                .filter(Character::isLetterOrDigit)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static final Pattern YES = Pattern.compile("(?:是|是的|对|对的|对啊|没错|正确|确认|确定|嗯|嗯嗯|好|好的|在|在的|是啊|yes|y|ok|okay)(?:的|啊|呀|吧)?");
    private static final Pattern NO = Pattern.compile("(?:不是|不对|否|错了|不正确|不在|没有|不|no|n)(?:的|啊|呀|吧)?");

    /** Yes or no, as a citizen answers a question that asked for one; empty for anything else. */
    static Optional<Boolean> yesOrNo(String text) {
        String compact = compact(text);
        if (YES.matcher(compact).matches()) {
            return Optional.of(true);
        }
        if (NO.matcher(compact).matches()) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    /**
     * "热死了", "累死我了", "他装死不还", "死活不还": death as a figure of speech, never pain ("疼死了" stays); "救命钱" is money, not a cry.
     */
    private static final Pattern IDIOMS_OF_DEATH = Pattern.compile("(热|冷|累|饿|困|忙|烦|气|笑|渴|晒|闷|急|穷)(得要)?死(了|我了|人了|个人|啦)?");

    /**
     * The text with death as a figure of speech put plainly ("今天热死了" → "今天热坏了", "装死" → "装傻"),
     * for reading its meaning: the recogniser, shown frightened messages, reads any 死 as danger.
     */
    static String plain(String text) {
        String said = afterExclaimedHelp(text).orElse(text);
        return IDIOMS_OF_DEATH.matcher(said.replace("装死", "装傻").replace("救命钱", "看病钱").replace("死活", "怎么也")).replaceAll("$1坏了");
    }

    /**
     * 救命 as young people exclaim it before a matter of their own: "救命 这个合同我签了还能反悔吗", "救命 我实习把公司电脑摔了 要我
     * 赔全价吗". The router still looks for danger in the rest.
     */
    private static final Pattern EXCLAIMED_HELP = Pattern.compile("^[\\s\\p{Punct}！，。～…]*(救命|救救我|救大命)(啊|呀|了)*[\\s\\p{Punct}！，。～…]*");
    private static final Pattern OWN_MATTER = Pattern.compile(
            "合同|协议|反悔|赔|押金|退款|违约|起诉|算不算|合法|违法|犯法|工资|工钱|拖欠|房东|老板|离婚|欠|实习|考试|法考|这题|论文|作业|简历|面试|怎么写|咋写"
            // "救命 明天就开庭了 我没请律师 自己去会不会吃大亏"
            + "|开庭|律师|官司|法庭|判决|上诉|继承|遗产|遗嘱|抚养|赡养");

    /** Whether the text opens with 救命 and goes on to a matter of the writer's own ({@link #EXCLAIMED_HELP}). */
    static boolean exclaimsHelp(String text) {
        return afterExclaimedHelp(text).isPresent();
    }

    /** What follows an exclaimed 救命, when the text {@link #exclaimsHelp exclaims help}; empty otherwise. */
    static Optional<String> afterExclaimedHelp(String text) {
        var help = EXCLAIMED_HELP.matcher(text.strip());
        if (!help.find()) {
            return Optional.empty();
        }
        String rest = text.strip().substring(help.end());
        return rest.isEmpty() || !OWN_MATTER.matcher(rest).find() ? Optional.empty() : Optional.of(rest);
    }

    /** True when the text has no letter at all (Chinese characters count as letters): only emoji, digits or punctuation. */
    static boolean wordless(String text) {
        return text.codePoints().noneMatch(Character::isLetter);
    }
}
