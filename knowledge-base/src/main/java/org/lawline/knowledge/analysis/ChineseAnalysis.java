package org.lawline.knowledge.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * LawLine's Chinese analysis, shared by every index of the knowledge base: NFKC normalisation,
 * smartcn words with our stop words, character bigrams, and synonym groups read from our
 * resources. The FAQ search reads the same stop-word and synonym files
 * ({@code org/lawline/knowledge/search/}). Thread safe.
 */
public final class ChineseAnalysis {

    /** Our stop words, beside smartcn's punctuation. */
    public static final String STOP_WORDS = "/org/lawline/knowledge/search/stopwords_zh.txt";
    /** Citizens' words for the same idea (the FAQ search's list). */
    public static final String SYNONYMS = "/org/lawline/knowledge/search/synonyms_zh.txt";

    private static final CharArraySet STOP_SET = loadStopWords();

    private ChineseAnalysis() {
    }

    /** smartcn words without our stop words. */
    public static Analyzer words() {
        return new SmartChineseAnalyzer(STOP_SET);
    }

    /**
     * Overlapping pairs of Chinese characters (劳动合同 → 劳动 动合 合同), other scripts as words:
     * matches compounds however a segmenter cuts them.
     */
    public static Analyzer bigrams() {
        return new CJKAnalyzer(CharArraySet.EMPTY_SET);
    }

    /** Our stop words (smartcn's punctuation plus {@link #STOP_WORDS}), unmodifiable. */
    public static CharArraySet stopWords() {
        return STOP_SET;
    }

    public static boolean isStopWord(String word) {
        return STOP_SET.contains(word);
    }

    /** Beyond this many characters a question is not read: long text costs time, not precision. */
    public static final int MAX_QUESTION_CHARS = 500;

    /** The first {@value #MAX_QUESTION_CHARS} characters of a question, never half an emoji. */
    public static String head(String question) {
        if (question.length() <= MAX_QUESTION_CHARS) {
            return question;
        }
        int end = MAX_QUESTION_CHARS;
        if (Character.isHighSurrogate(question.charAt(end - 1))) {
            end--;
        }
        return question.substring(0, end);
    }

    /** Full-width forms to their usual ones (ＡＢＣ１２３ → ABC123), as Chinese input methods type them. */
    public static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    /** The tokens the analyzer makes of the text, in order, repeats kept. */
    public static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Analysing text in memory failed", e);
        }
        return tokens;
    }

    /**
     * Synonym groups from resources with one comma-separated group a line ({@code #} starts a
     * comment): each word maps to every word of every group it is in, itself included.
     */
    public static Map<String, Set<String>> synonyms(String... resources) {
        Map<String, Set<String>> synonyms = new LinkedHashMap<>();
        for (String resource : resources) {
            for (String line : lines(resource)) {
                List<String> group = new ArrayList<>();
                for (String word : line.split(",")) {
                    String normal = normalize(word).strip().toLowerCase(Locale.ROOT);
                    if (!normal.isEmpty()) {
                        group.add(normal);
                    }
                }
                for (String word : group) {
                    synonyms.computeIfAbsent(word, w -> new LinkedHashSet<>()).addAll(group);
                }
            }
        }
        return synonyms;
    }

    private static CharArraySet loadStopWords() {
        CharArraySet stopWords = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), false);
        stopWords.addAll(lines(STOP_WORDS));
        return CharArraySet.unmodifiableSet(stopWords);
    }

    /** The non-empty, non-comment lines of a classpath resource. */
    public static List<String> lines(String resource) {
        InputStream in = ChineseAnalysis.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing search resource " + resource);
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String content = line.strip();
                if (!content.isEmpty() && !content.startsWith("#")) {
                    lines.add(content);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read search resource " + resource, e);
        }
        return lines;
    }
}
