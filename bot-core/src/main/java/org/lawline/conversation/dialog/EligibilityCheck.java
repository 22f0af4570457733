package org.lawline.conversation.dialog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lawline.conversation.ConversationSnapshot;
import org.lawline.conversation.LegalAidSettings;

/**
 * The legal-aid pre-check as a form: three questions (where the citizen lives, monthly income per
 * household member, kind of matter), each answer checked as it comes, then an estimate against
 * 《法律援助法》: economic hardship (art. 34: the local standard) and a matter of the kinds in
 * art. 31. Only an estimate: the legal-aid institution decides. Stateless and thread safe; the
 * answers live in the conversation's slots.
 */
final class EligibilityCheck {

    /** The questions, in the order asked; each is stored under its slot name. */
    enum Step {
        RESIDENCE("aid.residence"), INCOME("aid.income"), MATTER("aid.matter");

        final String slot;

        Step(String slot) {
            this.slot = slot;
        }
    }

    /** The kinds of matter offered in the third question, numbered as shown. */
    enum Matter {
        WAGES_OR_WORK_INJURY(1, "讨要工资、确认劳动关系、工伤赔偿", true),
        SUPPORT_PAYMENTS(2, "要求支付赡养费、抚养费、扶养费", true),
        PERSONAL_INJURY(3, "交通事故、医疗事故、食品药品安全事故等人身伤害赔偿", true),
        SOCIAL_SECURITY(4, "社会保险待遇、最低生活保障、社会救助、抚恤金", true),
        OTHER(5, "其他事情", false);

        final int number;
        final String label;
        /** Among the civil and administrative matters of 《法律援助法》第三十一条. */
        final boolean covered;

        Matter(int number, String label, boolean covered) {
            this.number = number;
            this.label = label;
            this.covered = covered;
        }

        static Optional<Matter> numbered(int number) {
            return Arrays.stream(values()).filter(matter -> matter.number == number).findFirst();
        }
    }

    /** What the citizen's message says for the current question. */
    sealed interface Answer {
        /** A usable answer: the slot and its value as stored. */
        record Valid(Step step, String value) implements Answer { }

        /** Not usable; {@code why} picks the hint. */
        record Invalid(Step step, Why why) implements Answer { }
    }

    enum Why { NOT_YES_OR_NO, HAS_LETTERS, NOT_A_NUMBER, OUT_OF_RANGE, NO_SUCH_CHOICE }

    /** The outcome, with the reasons in the citizen's words. */
    record Assessment(boolean likelyEligible, List<String> reasons) {
        Assessment {
            reasons = List.copyOf(reasons);
        }
    }

    private static final Pattern AMOUNT = Pattern.compile("(-?)(\\d+(?:\\.\\d+)?)(千|k|万|w)?");
    /** Words around an amount that carry no number: "大概1800元左右", "每月3千块". */
    private static final Pattern AMOUNT_WORDS = Pattern.compile(
            "^(?:每人|人均|家庭|每个月|每月|一个月|月收入|收入|大约|大概|约|差不多|只有|就)+|(?:元|块钱|块|rmb|人民币|每月|一个月|/月|左右|吧|的样子)+$");
    private static final Pattern PICK = Pattern.compile("第?([1-9])(?:个|项|类|种)?");

    private final LegalAidSettings settings;

    EligibilityCheck(LegalAidSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The question to ask now: the first whose slot is empty. */
    Optional<Step> current(ConversationSnapshot snapshot) {
        return Arrays.stream(Step.values()).filter(step -> snapshot.slot(step.slot).isEmpty()).findFirst();
    }

    /** Reads the message as the answer to the current question. */
    Answer read(ConversationSnapshot snapshot, String text) {
        Step step = current(snapshot).orElse(Step.RESIDENCE);
        return switch (step) {
            case RESIDENCE -> Texts.yesOrNo(text)
                    .<Answer>map(yes -> new Answer.Valid(step, yes ? "LOCAL" : "ELSEWHERE"))
                    .orElseGet(() -> new Answer.Invalid(step, Why.NOT_YES_OR_NO));
            case INCOME -> readIncome(text);
            case MATTER -> readMatter(text);
        };
    }

    /** True when this valid answer fills the last empty slot. */
    boolean completes(ConversationSnapshot snapshot, Answer answer) {
        if (!(answer instanceof Answer.Valid valid)) {
            return false;
        }
        return Arrays.stream(Step.values()).filter(step -> step != valid.step()).allMatch(step -> snapshot.slot(step.slot).isPresent());
    }

    /** The estimate from three filled slots. */
    Assessment assess(Map<String, String> slots) {
        boolean local = "LOCAL".equals(slots.get(Step.RESIDENCE.slot));
        long income = Long.parseLong(slots.getOrDefault(Step.INCOME.slot, "0"));
        Matter matter = Matter.valueOf(slots.getOrDefault(Step.MATTER.slot, Matter.OTHER.name()));
        boolean hardship = income <= settings.incomeStandard();
        List<String> reasons = new ArrayList<>();
        reasons.add(hardship
                ? "您填写的收入（每人每月" + income + "元）不高于" + settings.region() + "的经济困难标准（每人每月" + settings.incomeStandard() + "元）。"
                : "您填写的收入（每人每月" + income + "元）高于" + settings.region() + "的经济困难标准（每人每月" + settings.incomeStandard()
                        + "元），一般不符合经济困难条件；但遭受虐待、遗弃或者家庭暴力的受害人主张相关权益等情形，不受经济困难条件限制。");
        reasons.add(matter.covered
                ? "“" + matter.label + "”属于法律援助的常见事项。"
                : "您的事情不在法律援助的常见事项之列，是否可以援助需要具体咨询。");
        if (!local) {
            reasons.add("您不在" + settings.region() + "居住：法律援助一般向办理案件的机关所在地、或您住所地的法律援助机构申请。");
        }
        return new Assessment(hardship && matter.covered && local, reasons);
    }

    LegalAidSettings settings() {
        return settings;
    }

    private static Answer readIncome(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\s,，_]", "");
        plain = AMOUNT_WORDS.matcher(plain).replaceAll("");
        plain = AMOUNT_WORDS.matcher(plain).replaceAll("");
        Matcher amount = AMOUNT.matcher(plain);
        if (!amount.matches()) {
            boolean letters = plain.codePoints().anyMatch(c -> (c >= 'a' && c <= 'z'));
            return new Answer.Invalid(Step.INCOME, letters ? Why.HAS_LETTERS : Why.NOT_A_NUMBER);
        }
        if (!amount.group(1).isEmpty()) {
            return new Answer.Invalid(Step.INCOME, Why.OUT_OF_RANGE);
        }
        BigDecimal yuan;
        try {
            yuan = new BigDecimal(amount.group(2));
        } catch (NumberFormatException e) {
            return new Answer.Invalid(Step.INCOME, Why.NOT_A_NUMBER);
        }
        String unit = amount.group(3);
        if (unit != null) {
            yuan = yuan.multiply(BigDecimal.valueOf(unit.equals("千") || unit.equals("k") ? 1_000 : 10_000));
        }
        if (yuan.compareTo(BigDecimal.valueOf(LegalAidSettings.HIGHEST_BELIEVABLE_INCOME)) > 0) {
            return new Answer.Invalid(Step.INCOME, Why.OUT_OF_RANGE);
        }
        return new Answer.Valid(Step.INCOME, Long.toString(yuan.setScale(0, RoundingMode.HALF_UP).longValueExact()));
    }

    private static Answer readMatter(String text) {
        Matcher pick = PICK.matcher(Texts.compact(text));
        if (!pick.matches()) {
            return new Answer.Invalid(Step.MATTER, Why.NO_SUCH_CHOICE);
        }
        return Matter.numbered(Integer.parseInt(pick.group(1)))
                .<Answer>map(matter -> new Answer.Valid(Step.MATTER, matter.name()))
                .orElseGet(() -> new Answer.Invalid(Step.MATTER, Why.NO_SUCH_CHOICE));
    }
}
