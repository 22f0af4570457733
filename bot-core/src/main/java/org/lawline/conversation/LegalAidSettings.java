package org.lawline.conversation;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local facts the legal-aid pre-check measures a citizen against. Each city publishes its own
 * economic-hardship standard (often tied to the local minimum wage or subsistence allowance); set
 * it here.
 *
 * @param region         how the bot names the place it serves, e.g. "本市" or "杭州市"
 * @param incomeStandard the economic-hardship standard: monthly income per household member, in
 *                       yuan; at or below it a citizen counts as in economic hardship
 * @param applyAt        where and how to apply, as one sentence for the citizen
 */
@ConfigurationProperties("lawline.legal-aid")
public record LegalAidSettings(
        @DefaultValue("本市") String region,
        @DefaultValue("2500") long incomeStandard,
        @DefaultValue(DEFAULT_APPLY_AT) String applyAt) {

    static final String DEFAULT_APPLY_AT = "到本市法律援助中心或所在区县的法律援助工作站提交申请（工作日上午9点至下午5点），也可以先拨打12348法律服务热线咨询。";

    /** Incomes above this are typing mistakes, not incomes: the citizen is asked again. */
    public static final long HIGHEST_BELIEVABLE_INCOME = 1_000_000;

    @ConstructorBinding
    public LegalAidSettings {
        Objects.requireNonNull(region, "lawline.legal-aid.region");
        Objects.requireNonNull(applyAt, "lawline.legal-aid.apply-at");
        if (region.isBlank()) {
            throw new IllegalArgumentException("lawline.legal-aid.region must not be blank");
        }
        if (incomeStandard <= 0 || incomeStandard > HIGHEST_BELIEVABLE_INCOME) {
            throw new IllegalArgumentException("lawline.legal-aid.income-standard must be between 1 and "
                    + HIGHEST_BELIEVABLE_INCOME + " yuan a month, got " + incomeStandard);
        }
        if (applyAt.isBlank()) {
            throw new IllegalArgumentException("lawline.legal-aid.apply-at must not be blank");
        }
    }

    /** The defaults, as bound from an empty environment. */
    public static LegalAidSettings defaults() {
        return new LegalAidSettings("本市", 2500, DEFAULT_APPLY_AT);
    }
}
