package org.lawline.channels.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartSplitterTest {

    private static final PartLimit WECHAT = PartLimit.utf8Bytes(2048);

    @Test
    void leavesAShortReplyWhole() {
        assertThat(PartSplitter.split("您好。", WECHAT)).containsExactly("您好。");
    }

    @Test
    void splitsALongReplyAtSentenceEndsWithinWeChatsLimit() {
        String sentence = "根据《中华人民共和国劳动合同法》第三十条，用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。";
        String text = sentence.repeat(30);
        List<String> parts = PartSplitter.split(text, WECHAT);
        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
            assertThat(part).endsWith("。");
        });
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    void cutsASentenceLongerThanAPartBetweenCharacters() {
        String text = "法".repeat(1000);
        List<String> parts = PartSplitter.split(text, WECHAT);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).hasSize(682);
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    void keepsClosingQuotesWithTheirSentence() {
        List<String> parts = PartSplitter.split("他说：“你好。”然后走了。", PartLimit.utf8Bytes(30));
        assertThat(parts.get(0)).endsWith("。”");
    }

    @Test
    void aLimitInCharactersCountsWhatTheCitizenSeesNotBytes() {
        // an SMS gateway's 70 characters hold 70 Chinese characters, which are 210 bytes of UTF-8
        String sentence = "您的法律援助申请已受理，请于三个工作日内携带身份证到区法律援助中心办理。";
        List<String> parts = PartSplitter.split(sentence.repeat(4), PartLimit.characters(70));
        assertThat(parts).hasSize(4).containsOnly(sentence);
        assertThat(PartSplitter.split("法".repeat(70), PartLimit.characters(70))).hasSize(1);
        assertThat(PartSplitter.split("😀".repeat(71), PartLimit.characters(70))).hasSize(2).first().satisfies(
                part -> assertThat(part.codePointCount(0, part.length())).isEqualTo(70));
    }
}
