package org.lawline.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VocabularyTest {

    private final Vocabulary vocabulary = Vocabulary.bundled();

    @ParameterizedTest
    @ValueSource(strings = {"离婚", "工资", "合同", "赔偿", "孩子", "房子", "老人", "借", "欠", "打", "无", "离",
            "工钱", "律师", "仲裁", "钱", "伤", "多久", "管", "归", "不得", "还"})
    void keepsLegalContentWords(String word) {
        assertThat(vocabulary.isStopWord(word)).as(word).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"的", "了", "吗", "呢", "怎么办", "怎么", "请问", "如何", "什么", "可以", "我", "你", "他",
            "是", "有", "在", "不", "咨询", "应该"})
    void dropsFunctionWordsAndQuestionFillers(String word) {
        assertThat(vocabulary.isStopWord(word)).as(word).isTrue();
    }

    @Test
    void questionTermsAreTheContentWordsInOrderWithoutRepeats() {
        assertThat(words("请问老板拖欠工资怎么办？老板也不接电话"))
                .containsExactly("老板", "拖欠", "工资", "接", "电话");
    }

    @Test
    void numbersPunctuationAndEmojiAreNoTerms() {
        assertThat(words("2000块！！😀😀 ?*:\"()")).isEmpty();
        assertThat(words("😭😭😭")).isEmpty();
        assertThat(words("   ")).isEmpty();
    }

    @Test
    void fullWidthLettersAreReadAsUsual() {
        assertThat(words("ＨＲ说不发工资")).contains("hr", "工资");
    }

    @Test
    void aWordBringsItsSynonyms() {
        QueryTerm wages = vocabulary.questionTerms("工钱").get(0);

        assertThat(wages.word()).isEqualTo("工钱");
        assertThat(wages.forms()).startsWith("工钱").contains("工资", "薪水");
    }

    @Test
    void aWordInTwoGroupsBringsBoth() {
        assertThat(vocabulary.synonymsOf("欠")).contains("拖欠", "欠款");
    }

    @Test
    void everySynonymIsOneTokenOfTheAnalyzer() {
        for (String word : vocabulary.synonymWords()) {
            assertThat(vocabulary.tokens(word)).as("synonym %s", word).containsExactly(word);
        }
    }

    @Test
    void onlyTheFirst500CharactersOfAQuestionAreRead() {
        String question = "的".repeat(Vocabulary.MAX_QUESTION_CHARS) + "工资";

        assertThat(vocabulary.questionTerms(question)).isEmpty();
    }

    @Test
    void cuttingAQuestionNeverSplitsAnEmoji() {
        String question = "的".repeat(Vocabulary.MAX_QUESTION_CHARS - 1) + "😀";

        assertThat(vocabulary.questionTerms(question)).isEmpty();
    }

    private List<String> words(String question) {
        return vocabulary.questionTerms(question).stream().map(QueryTerm::word).toList();
    }
}
