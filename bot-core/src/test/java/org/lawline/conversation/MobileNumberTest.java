package org.lawline.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumberTest {

    @ParameterizedTest(name = "\"{0}\" is 13800138000")
    @ValueSource(strings = {"13800138000", "138 0013 8000", "138-0013-8000", "+86 13800138000", "8613800138000", "+86-138-0013-8000",
            "１３８００１３８０００", " 13800138000 "})
    void readsTheNumberHoweverItIsTyped(String typed) {
        assertThat(MobileNumber.parse(typed)).contains(new MobileNumber("13800138000"));
    }

    @ParameterizedTest(name = "\"{0}\" is not a mainland mobile")
    @ValueSource(strings = {"", "abc", "1380013800", "138001380001", "12345678901", "23800138000", "1380013800a", "138.0013.8000",
            "+1 13800138000", "0086 13800138000", "13800138000 13800138000"})
    void refusesWhatIsNotAMainlandMobile(String typed) {
        assertThat(MobileNumber.parse(typed)).isEmpty();
    }

    @Test
    void isShownMaskedEverywhereButItsDigits() {
        MobileNumber phone = new MobileNumber("13800138000");

        assertThat(phone.masked()).isEqualTo("138****8000");
        assertThat(phone.toString()).isEqualTo("138****8000");
        assertThat(phone.digits()).isEqualTo("13800138000");
    }

    @Test
    void anInvalidNumberIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> new MobileNumber("12345678901")).hasMessageNotContaining("12345678901");
    }

    @ParameterizedTest(name = "\"{0}\" is masked")
    @ValueSource(strings = {"我的电话13800138000", "电话：138 0013 8000，白天打", "+86-138-0013-8000 找张先生", "号码是１３８００１３８０００。",
            "8613800138000"})
    void aNumberInsideATextIsMasked(String text) {
        String masked = MobileNumber.maskWithin(text);

        assertThat(masked).contains("138****8000");
        assertThat(masked.replaceAll("[^0-9０-９]", "")).doesNotContain("0013").doesNotContain("００１３");
    }

    @Test
    void maskingKeepsTheRestOfTheTextAndEveryNumber() {
        assertThat(MobileNumber.maskWithin("先打13800138000，不通再打13912345678。"))
                .isEqualTo("先打138****8000，不通再打139****5678。");
    }

    @ParameterizedTest(name = "\"{0}\" is left as it is")
    @ValueSource(strings = {"欠薪 3 个月，共 12000 元", "订单号 213800138000", "案号（2026）京0105民初12345号", "12345678901", "", "拨打12348"})
    void digitsThatAreNoMobileNumberAreLeftAlone(String text) {
        assertThat(MobileNumber.maskWithin(text)).isEqualTo(text);
    }
}
