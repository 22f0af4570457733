package org.lawline.conversation.dialog;

import java.util.List;
import java.util.stream.Collectors;
import org.lawline.conversation.Reply;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.LawReference;

/**
 * Every sentence the bot says to a citizen, in one place, so that wording can be reviewed (and
 * one day translated) without reading the dialog logic. Plain text: channels escape as they need.
 */
final class ReplyTexts {

    /** The last line of every answer: the bot informs, it does not advise on a case. */
    static final String DISCLAIMER = "以上为一般性法律信息，不构成对您具体案件的法律意见。";

    static final String HANDOFF = "已为您转接值班律师，请稍候。值班律师接入前，您仍可继续向我提问；回复“取消”可退出排队。";
    static final String ALREADY_QUEUED = "您已在排队等候值班律师，请稍候。值班律师接入前，您仍可继续向我提问；回复“取消”可退出排队。";
    static final String LEFT_QUEUE = "已为您取消排队。有问题可以继续问我；需要时回复“人工”再转值班律师。";
    static final String NOTHING_TO_CANCEL = "您当前没有在排队。有法律问题可以直接问我；回复“人工”可以找值班律师。";
    static final String CHOICES_DROPPED = "好的，已取消。请直接描述您的问题。";

    static final String NO_ANSWER = "抱歉，我还不能确定怎么回答这个问题。可以换个说法，说说具体发生了什么，或回复“人工”转值班律师。";
    static final String NO_ANSWER_AGAIN = "抱歉，这个问题我还是没能找到可靠的答案。您的情况可能需要值班律师具体分析：回复“人工”，我马上为您转接值班律师。";
    static final String NO_ANSWER_WHILE_QUEUED = "抱歉，这个问题我还不能确定怎么回答。值班律师接入后会为您解答，请稍候。";
    static final String ASK_IN_WORDS = "我没能看懂这条消息。请用文字描述您遇到的问题，例如：“公司拖欠工资怎么办？”";
    static final String ENTRY_GONE = "抱歉，这个问题的答案刚刚更新了，请重新描述一下您的问题。";
    static final String SEARCH_FAILED = "抱歉，系统暂时查不到答案，请稍后再问；着急的话可以回复“人工”转值班律师。";

    static final String CAPABILITIES = "我可以解答劳动、婚姻家庭、交通事故、借贷、消费、租房、法律援助等方面的常见法律问题，"
            + "请直接描述您的问题；回复“人工”可以找值班律师。";

    private ReplyTexts() {
    }

    /**
     * The entry's answer, the law it rests on, where it comes from, and the disclaimer as the
     * last line. The 依据 line is left out only when the entry cites no article.
     */
    static String answer(FaqEntry entry) {
        StringBuilder text = new StringBuilder(entry.answer().strip());
        List<String> citations = entry.lawRefs().stream().map(LawReference::display).distinct().toList();
        if (!citations.isEmpty()) {
            text.append("\n依据：").append(String.join("；", citations));
        }
        text.append("\n来源：知识库条目 ").append(entry.id());
        text.append('\n').append(DISCLAIMER);
        return text.toString();
    }

    /** The numbered list the citizen picks from by replying with a number. */
    static String choices(List<Reply.Choice> choices) {
        String list = choices.stream()
                .map(choice -> choice.number() + ". " + choice.question())
                .collect(Collectors.joining("\n"));
        if (choices.size() == 1) {
            return "您想问的是下面这个问题吗？是的话回复数字即可：\n" + list
                    + "\n不是的话，可以换个说法再问，或回复“人工”转值班律师。";
        }
        return "您想问的是哪一个？回复数字即可：\n" + list
                + "\n都不是？可以换个说法再问，或回复“人工”转值班律师。";
    }

    /** A number that is not on the list: say so and show the list again. */
    static String noSuchChoice(int picked, List<Reply.Choice> choices) {
        return "没有第" + picked + "项。" + choices(choices);
    }

    static String greeting(Utterance.GreetingKind kind) {
        String opening = switch (kind) {
            case HELLO -> "您好，我是LawLine法律咨询助手。";
            case THANKS -> "不客气，很高兴能帮到您。";
            case ACK -> "好的。";
            case GOODBYE -> "再见，祝您一切顺利！";
        };
        return opening + "\n" + CAPABILITIES;
    }

    static String referral(Hotline hotline) {
        return hotline.line() + "\n如果还涉及法律问题，可以继续问我。";
    }

    /** One line per number, most urgent first, and nothing to read before them. */
    static String emergency(List<Hotline> numbers) {
        StringBuilder text = new StringBuilder("情况紧急，请立即拨打：");
        numbers.forEach(number -> text.append('\n').append(number.line()));
        text.append("\n请先确保自身安全；脱离危险后，可以再来咨询法律问题。");
        return text.toString();
    }
}
