package org.lawline.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextSplitterTest {

    @Test
    void leavesAShortReplyWhole() {
        assertThat(TextSplitter.split("您好。", 2048)).containsExactly("您好。");
    }

    @Test
    void splitsALongReplyAtSentenceEndsWithinWeChatsLimit() {
        String sentence = "根据《中华人民共和国劳动合同法》第三十条，用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。";
        String text = sentence.repeat(30);
        List<String> parts = TextSplitter.split(text, TextSplitter.WECHAT_TEXT_BYTES);
        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts).allSatisfy(part -> {
            assertThat(TextSplitter.bytes(part)).isLessThanOrEqualTo(2048);
            assertThat(part).endsWith("。");
        });
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    void cutsASentenceLongerThanAPartBetweenCharacters() {
        String text = "法".repeat(1000);
        List<String> parts = TextSplitter.split(text, 2048);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).hasSize(682);
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    void keepsClosingQuotesWithTheirSentence() {
        List<String> parts = TextSplitter.split("他说：“你好。”然后走了。", 30);
        assertThat(parts.get(0)).endsWith("。”");
    }
}
