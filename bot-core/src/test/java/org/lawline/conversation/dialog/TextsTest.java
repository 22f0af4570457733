package org.lawline.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a message is put plainly before the classifier reads its meaning. */
class TextsTest {

    @Test
    void deathAsAFigureOfSpeechIsPutPlainly() {
        assertThat(Texts.plain("今天热死了")).isEqualTo("今天热坏了");
        assertThat(Texts.plain("救命钱借给亲戚了 他死活不还")).isEqualTo("看病钱借给亲戚了 他怎么也不还");
        assertThat(Texts.plain("疼死了")).isEqualTo("疼死了");
    }

    @ParameterizedTest(name = "\"{0}\" exclaims 救命 before a matter of the writer's own")
    @ValueSource(strings = {"救命 这个合同我签了还能反悔吗", "救命啊！实习把公司电脑摔了 要我赔全价吗", "救救我 论文查重没过 学校能不让我毕业吗",
            "救命啊 工钱拖了半年 过年回不去了 咋个弄"})
    void aLeadingCryBeforeAMatterOfOnesOwnIsAnExclamation(String text) {
        assertThat(Texts.exclaimsHelp(text)).isTrue();
        assertThat(Texts.plain(text)).doesNotContain("救");
    }

    @ParameterizedTest(name = "\"{0}\" cries for help")
    @ValueSource(strings = {"救命", "救命 他拿着刀在门口", "救命啊 我被关在屋里出不去"})
    void aCryWithNothingOfOnesOwnAfterItStays(String text) {
        assertThat(Texts.exclaimsHelp(text)).isFalse();
        assertThat(Texts.plain(text)).isEqualTo(text);
    }
}
