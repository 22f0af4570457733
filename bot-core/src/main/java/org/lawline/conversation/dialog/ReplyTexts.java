package org.lawline.conversation.dialog;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.lawline.conversation.LegalAidSettings;
import org.lawline.conversation.MobileNumber;
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

    /** Under an answer that cites articles, above the disclaimer. */
    static final String SHOW_ARTICLES_HINT = "回复“查看法条”可查看条文原文。";
    static final String NOTHING_ANSWERED_YET = "请先提问，我回答后回复“查看法条”即可看到所依据的法律条文原文。";
    static final String NO_ARTICLES_CITED = "上一个回答没有引用具体的法律条文。有其他问题可以继续问我。";
    static final String ARTICLES_UNAVAILABLE = "抱歉，法律条文原文暂时无法查看，请稍后再试。";
    /** Where a citizen reads an article whose text LawLine has not loaded: the national database, free and official. */
    static final String ARTICLE_NOT_COLLECTED = "（原文可在国家法律法规数据库 https://flk.npc.gov.cn 查阅）";

    static final String LAW_INTRO = "没有找到完全对应的问答，以下法律规定可能与您的问题有关：";
    static final String LAW_OFFER = "条文只说一般规则，您的具体情况最好请律师分析：回复“人工”转值班律师。";
    /**
     * At most this many articles, and this many characters of them in all: a chat message is read
     * on a phone, and channels cut long messages (WeChat's passive reply at 2,048 bytes of UTF-8
     * is shorter still, so its channel splits or truncates on its own).
     */
    static final int MAX_ARTICLES = 3;
    static final int MAX_ARTICLE_CHARS = 1500;
    static final String CUT = "……";
    /** Less of an article than this is not worth starting it: it is named in the closing line instead. */
    private static final int SHORTEST_EXCERPT = 40;

    static final String CAPABILITIES = "我可以解答劳动、婚姻家庭、交通事故、借贷、消费、租房、法律援助等方面的常见法律问题，"
            + "请直接描述您的问题；回复“人工”可以找值班律师。";

    static final String LAWYER_JOINED = "值班律师已接入，接下来由律师为您解答，请直接描述您的情况。";
    static final String LAWYER_CHANGED = "已为您转接另一位值班律师，请继续描述您的情况。";
    static final String CONSULTATION_CLOSED = "本次律师咨询已结束，感谢您的耐心。请为本次咨询评价：回复“满意”或“不满意”。"
            + "如有新的问题，可以随时问我；需要时回复“人工”再转值班律师。";
    static final String THANKS_FOR_RATING = "感谢您的评价！如有新的问题，可以随时问我。";

    static final String ASK_PHONE = "抱歉，值班律师暂时都在忙。我们可以安排12348法律服务热线给您回电：请回复您的11位手机号码。回复“取消”则不回电。";
    static final String PHONE_STILL_NEEDED = "值班律师暂时都在忙。请留下11位手机号码，12348热线会给您回电；回复“取消”则不回电。";
    static final String PHONE_HAS_LETTERS = "手机号码里只能有数字。请回复11位手机号码，例如：138 0013 8000；回复“取消”则不回电。";
    static final String PHONE_WRONG_LENGTH = "手机号码是11位数字，请核对后重新回复；回复“取消”则不回电。";
    static final String PHONE_NOT_MOBILE = "这不是有效的中国大陆手机号码（应为1开头的11位数字）。请重新回复；回复“取消”则不回电。";
    static final String PHONE_AGAIN = "好的，请重新回复您的11位手机号码。";
    static final String CALLBACK_CANCELLED = "已为您取消回电。有问题可以继续问我；需要时回复“人工”再转值班律师。";

    static final String CHECK_DROPPED = "好的，已退出法律援助自测。有问题可以继续问我。";
    static final String INCOME_HAS_LETTERS = "请只回复数字（单位：元），例如：1800。";
    static final String INCOME_NOT_A_NUMBER = "没能看懂这个金额。请回复每人每月的平均收入，只写数字（单位：元），例如：1800。";
    static final String INCOME_OUT_OF_RANGE = "这个金额看起来不对（应在0到1000000元之间）。请重新回复每人每月的平均收入，例如：1800。";
    static final String MATTER_NO_SUCH_CHOICE = "请回复1到5之间的数字。";
    static final String LEGAL_AID_WHILE_WAITING = "法律援助的条件和申请方法，可以在值班律师接入后直接询问；"
            + "一般需要经济困难，并且属于讨要工资、工伤、赡养抚养费、人身伤害赔偿、社会保险等事项。";
    static final String ASSESSMENT_DISCLAIMER = "以上仅为初步判断，是否给予法律援助由法律援助机构审查决定。";

    private ReplyTexts() {
    }

    /** The handoff, and roughly how long a citizen waits. */
    static String handoff(Duration expectedWait) {
        return HANDOFF + "\n" + waitLine(expectedWait);
    }

    static String alreadyQueued(Duration remaining) {
        return ALREADY_QUEUED + "\n" + waitLine(remaining);
    }

    /** Added under the bot's answers while the citizen waits for a lawyer. */
    static String stillWaiting(String reply, Duration remaining) {
        long minutes = minutes(remaining);
        return reply + "\n（您仍在排队等候值班律师" + (minutes > 0 ? "，预计还需约" + minutes + "分钟。）" : "，马上就会有律师接入。）");
    }

    private static String waitLine(Duration wait) {
        long minutes = minutes(wait);
        return minutes > 0
                ? "预计等候约" + minutes + "分钟；如无律师接入，我们会安排12348热线给您回电。"
                : "马上就会有律师接入；如无律师接入，我们会安排12348热线给您回电。";
    }

    /** Whole minutes, rounded up: "about 1 minute" rather than "0 minutes" for 20 seconds. */
    private static long minutes(Duration wait) {
        if (wait.isNegative() || wait.isZero()) {
            return 0;
        }
        return (wait.toSeconds() + 59) / 60;
    }

    static String readBack(MobileNumber phone) {
        return "您的回电号码是 " + phone.masked() + "，对吗？回复“是”确认；号码不对请直接回复正确的号码。";
    }

    static String callbackScheduled(MobileNumber phone, Duration within) {
        return "好的，12348法律服务热线将在" + hours(within) + "内回电到 " + phone.masked()
                + "（夜间和节假日顺延到下一个工作时段）。回电前您仍可以继续问我；回复“取消”可取消回电。";
    }

    static String callbackPending(MobileNumber phone) {
        return "12348热线会尽快回电到 " + phone.masked() + "，请留意来电。回电前您仍可以继续问我；回复“取消”可取消回电。";
    }

    private static String hours(Duration within) {
        long minutes = within.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + "小时" : minutes + "分钟";
    }

    static String eligibilityQuestion(EligibilityCheck.Step step, LegalAidSettings settings) {
        return switch (step) {
            case RESIDENCE -> "第1个问题：您的户籍或经常居住地在" + settings.region() + "吗？请回复“是”或“否”。";
            case INCOME -> "第2个问题：您家庭每人每月的平均收入大约是多少元？请只回复数字，例如：1800。";
            case MATTER -> "第3个问题：您要解决的是哪类事情？回复数字：\n"
                    + Arrays.stream(EligibilityCheck.Matter.values())
                            .map(matter -> matter.number + ". " + matter.label)
                            .collect(Collectors.joining("\n"));
        };
    }

    static String eligibilityStart(LegalAidSettings settings) {
        return "我来帮您初步判断能否申请法律援助，只需回答3个问题；回复“取消”可随时退出。\n"
                + eligibilityQuestion(EligibilityCheck.Step.RESIDENCE, settings);
    }

    static String eligibilityRetry(EligibilityCheck.Answer.Invalid invalid, LegalAidSettings settings) {
        String hint = switch (invalid.why()) {
            case NOT_YES_OR_NO -> "请回复“是”或“否”。";
            case HAS_LETTERS -> INCOME_HAS_LETTERS;
            case NOT_A_NUMBER -> INCOME_NOT_A_NUMBER;
            case OUT_OF_RANGE -> INCOME_OUT_OF_RANGE;
            case NO_SUCH_CHOICE -> MATTER_NO_SUCH_CHOICE;
        };
        return hint + "\n" + eligibilityQuestion(invalid.step(), settings);
    }

    static String assessment(EligibilityCheck.Assessment assessment, LegalAidSettings settings) {
        StringBuilder text = new StringBuilder(assessment.likelyEligible()
                ? "初步判断：您很可能符合法律援助条件。"
                : "初步判断：您可能不符合法律援助条件。");
        assessment.reasons().forEach(reason -> text.append('\n').append(reason));
        text.append("\n申请方法：携带身份证、户口簿或居住证、经济困难状况说明（可到现场填写）和与案件有关的材料，")
                .append(settings.applyAt());
        text.append("\n依据：《法律援助法》第三十一条、第三十二条、第三十四条");
        text.append('\n').append(ASSESSMENT_DISCLAIMER);
        return text.toString();
    }

    /**
     * The entry's answer, the law it rests on, where it comes from, how to read the articles, and
     * the disclaimer as the last line. The 依据 line and the 查看法条 hint are left out only when
     * the entry cites no article.
     */
    static String answer(FaqEntry entry) {
        StringBuilder text = new StringBuilder(entry.answer().strip());
        List<String> citations = citations(entry.lawRefs());
        if (!citations.isEmpty()) {
            text.append("\n依据：").append(String.join("；", citations));
        }
        text.append("\n来源：知识库条目 ").append(entry.id());
        if (!citations.isEmpty()) {
            text.append('\n').append(SHOW_ARTICLES_HINT);
        }
        text.append('\n').append(DISCLAIMER);
        return text.toString();
    }

    /** A cited article and its text, empty when the store does not have it. */
    record CitedArticle(LawReference reference, Optional<String> text) {
        CitedArticle {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * The cited articles in full, a blank line between them: 《劳动合同法》第三十条, then its
     * text; an article not in the store by name with {@value #ARTICLE_NOT_COLLECTED}. At most
     * {@value #MAX_ARTICLES} articles and {@value #MAX_ARTICLE_CHARS} characters of them — the
     * text cut with {@value #CUT} where the budget ends, the articles left out named in one line —
     * and the disclaimer as the last line, as under an answer.
     */
    static String articles(List<CitedArticle> cited) {
        Map<String, CitedArticle> byName = new LinkedHashMap<>();
        cited.forEach(article -> byName.putIfAbsent(article.reference().display(), article));
        List<CitedArticle> distinct = List.copyOf(byName.values());
        StringBuilder text = new StringBuilder();
        int budget = MAX_ARTICLE_CHARS;
        int shown = 0;
        for (CitedArticle article : distinct) {
            String name = article.reference().display();
            // a second article starts only if a useful part of it fits; the first is always shown
            if (shown == MAX_ARTICLES || (shown > 0 && budget < name.length() + SHORTEST_EXCERPT)) {
                break;
            }
            if (shown > 0) {
                text.append("\n\n");
            }
            String block = article.text().map(body -> name + "\n" + body.strip()).orElse(name + ARTICLE_NOT_COLLECTED);
            if (block.length() > budget) {
                block = cut(block, budget) + CUT;
            }
            text.append(block);
            budget -= block.length();
            shown++;
        }
        List<String> left = citations(distinct.subList(shown, distinct.size()).stream().map(CitedArticle::reference).toList());
        if (!left.isEmpty()) {
            text.append("\n\n另有").append(String.join("；", left)).append("，篇幅所限未列出原文。");
        }
        text.append("\n\n").append(DISCLAIMER);
        return text.toString();
    }

    /**
     * No entry, but articles close to the question: the articles as 查看法条 shows them (their
     * disclaimer included), and a lawyer offered for the citizen's own case.
     */
    static String groundedInLaw(List<CitedArticle> close) {
        return LAW_INTRO + "\n\n" + articles(close) + "\n" + LAW_OFFER;
    }

    /** 查看法条 without the articles to read: say what the answer rested on, by name. */
    static String articlesUnavailable(List<LawReference> cited) {
        return ARTICLES_UNAVAILABLE + "\n上一个回答的依据：" + String.join("；", citations(cited));
    }

    private static List<String> citations(List<LawReference> refs) {
        return refs.stream().map(LawReference::display).distinct().toList();
    }

    /** The first {@code length} chars, never splitting a character outside the BMP in two. */
    private static String cut(String text, int length) {
        int end = Math.max(0, length);
        if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
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

    /**
     * The other close questions under an answer given while the conversation's state is out of
     * reach: asked in words, since a number could not be matched to this list afterwards.
     */
    static String alsoAsk(List<String> questions) {
        if (questions.isEmpty()) {
            return "";
        }
        return "\n\n您也可以问：\n" + questions.stream().map(question -> "· " + question).collect(Collectors.joining("\n"));
    }

    /** A mobile number typed while the conversation's state is out of reach: kept for the callback, not asked about. */
    static String phoneNotedWithoutState(MobileNumber phone) {
        return "已记下您的手机号 " + phone.masked() + "。如果您在等待12348热线回电，热线会打这个号码；"
                + "如有其他问题，请直接用文字描述。";
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
            case SMALL_TALK -> "我是LawLine法律咨询助手，是自动回复的程序，专门解答法律方面的问题，闲聊就不太会了。";
            case WANTS_TO_ASK -> DESCRIBE_YOUR_PROBLEM;
        };
        return kind == Utterance.GreetingKind.WANTS_TO_ASK ? opening : opening + "\n" + CAPABILITIES;
    }

    /** For "我想咨询个事" with nothing in it yet: what to tell us, so the next message can be answered. */
    static final String DESCRIBE_YOUR_PROBLEM = "好的，请直接说说您遇到的情况：发生了什么事、和谁之间、现在想解决什么。"
            + "比如“公司拖欠我三个月工资怎么办”。想找值班律师，回复“人工”。";

    static String referral(Hotline hotline) {
        return hotline.line() + "\n如果还涉及法律问题，可以继续问我。";
    }

    /**
     * A reply to a question closed with hotlines the citizen may still need: the crisis line
     * after a question that tells of self-harm in the past, 12333 after asking where a benefit is claimed.
     */
    static String closedWith(String reply, List<Hotline> care) {
        StringBuilder text = new StringBuilder(reply);
        care.forEach(hotline -> text.append(hotline == Hotline.CRISIS ? "\n如果您或身边的人有轻生的念头，可以拨打" : "\n").append(hotline.line()));
        return text.toString();
    }

    /** One line per number, most urgent first, and nothing to read before them. */
    static String emergency(List<Hotline> numbers) {
        StringBuilder text = new StringBuilder("情况紧急，请立即拨打：");
        numbers.forEach(number -> text.append('\n').append(number.line()));
        text.append("\n请先确保自身安全；脱离危险后，可以再来咨询法律问题。");
        return text.toString();
    }
}
