package org.lawline.knowledge.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.lawline.knowledge.analysis.ChineseAnalysis;

/**
 * How Chinese text becomes search terms, the same for entries and questions: NFKC
 * normalisation (full-width letters and digits become ASCII), smartcn word segmentation,
 * LawLine's stop words, and, for questions only, synonym groups. Thread safe.
 */
final class Vocabulary {

    /** Beyond this many characters a question is not read: long text costs time, not precision. */
    static final int MAX_QUESTION_CHARS = ChineseAnalysis.MAX_QUESTION_CHARS;
    /** Questions use at most this many distinct terms (the first ones). */
    static final int MAX_QUESTION_TERMS = 64;

    private final Analyzer analyzer;
    private final CharArraySet stopWords;
    private final Map<String, Set<String>> synonyms;

    private Vocabulary(CharArraySet stopWords, Map<String, Set<String>> synonyms) {
        this.stopWords = stopWords;
        this.synonyms = synonyms;
        this.analyzer = new SmartChineseAnalyzer(stopWords);
    }

    /** The vocabulary in this package's resources: stopwords_zh.txt and synonyms_zh.txt. */
    static Vocabulary bundled() {
        return new Vocabulary(ChineseAnalysis.stopWords(), ChineseAnalysis.synonyms(ChineseAnalysis.SYNONYMS));
    }

    /** The analyzer for indexing entries. */
    Analyzer analyzer() {
        return analyzer;
    }

    boolean isStopWord(String word) {
        return stopWords.contains(word);
    }

    /** The words that mean the same as this one, the word itself included. */
    Set<String> synonymsOf(String word) {
        return synonyms.getOrDefault(word, Set.of(word));
    }

    /** Every synonym group member, for checking the list. */
    Set<String> synonymWords() {
        return synonyms.keySet();
    }

    /**
     * The distinct terms of a question, in order, with their synonyms; only the first
     * {@value #MAX_QUESTION_CHARS} characters are read. Terms without a letter (numbers,
     * punctuation, emoji) are left out: they say nothing about the topic and would count
     * against every entry.
     */
    List<QueryTerm> questionTerms(String question) {
        Set<String> words = new LinkedHashSet<>();
        for (String token : tokens(readPart(question))) {
            if (words.size() == MAX_QUESTION_TERMS) {
                break;
            }
            if (token.codePoints().anyMatch(Character::isLetter)) {
                words.add(token);
            }
        }
        List<QueryTerm> terms = new ArrayList<>(words.size());
        for (String word : words) {
            List<String> forms = new ArrayList<>();
            forms.add(word);
            synonymsOf(word).stream().filter(s -> !s.equals(word)).forEach(forms::add);
            terms.add(new QueryTerm(word, forms));
        }
        return terms;
    }

    /** The part of a question that is read (the first {@value #MAX_QUESTION_CHARS} characters), normalised. */
    static String readPart(String question) {
        return normalize(ChineseAnalysis.head(question));
    }

    /** The tokens the analyzer makes of already normalised text. */
    List<String> tokens(String text) {
        return ChineseAnalysis.tokens(analyzer, text);
    }

    /** Full-width forms to their usual ones (ＡＢＣ１２３ → ABC123), as Chinese input methods type them. */
    static String normalize(String text) {
        return ChineseAnalysis.normalize(text);
    }
}
