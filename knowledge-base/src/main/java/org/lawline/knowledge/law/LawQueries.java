package org.lawline.knowledge.law;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.lawline.knowledge.analysis.ChineseAnalysis;

/**
 * Article queries built in code from a citizen's question, never parsed from it: BM25 over the
 * article's words, its law's name and its headings, each question word searched with its
 * synonyms (citizens' words and the statute's own), plus the question's character bigrams
 * over the whole article. Thread safe.
 */
final class LawQueries {

    /** Lay words beside the statute's own terms (老板 → 用人单位), for articles only. */
    static final String LEGAL_SYNONYMS = "/org/lawline/knowledge/law/legal_synonyms_zh.txt";

    private static final int MAX_WORDS = 64;
    private static final int MAX_BIGRAMS = 256;

    /*
     * Weights tuned on statute_dev (../shared/data/eval) with `./lawline eval --corpus laws`.
     * The text carries the meaning; a law's name or a chapter title naming the question's topic
     * says much in few words, so a hit there weighs more than the same word deep in a long text.
     * Bigrams add recall for compounds smartcn splits differently in question and article.
     */
    static final float TEXT_WEIGHT = 1.0f;
    static final float HEADING_WEIGHT = 0.5f;
    static final float LAW_WEIGHT = 0.5f;
    static final float BIGRAM_WEIGHT = 0.5f;
    /** A synonym scores a little below the word the citizen wrote. */
    static final float SYNONYM_WEIGHT = 0.8f;

    private static final Pattern HEADING_NUMBER = Pattern.compile("^第[〇零一二三四五六七八九十百千]+[编分章节]\\s*");

    private final Analyzer words;
    private final Analyzer bigrams;
    private final Map<String, Set<String>> synonyms;

    LawQueries(Analyzer words, Analyzer bigrams, Map<String, Set<String>> synonyms) {
        this.words = words;
        this.bigrams = bigrams;
        this.synonyms = synonyms;
    }

    /** The query for the question; empty when it holds no word worth searching. */
    Optional<Query> of(String question) {
        String text = ChineseAnalysis.normalize(ChineseAnalysis.head(question)).toLowerCase(Locale.ROOT);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean any = false;
        for (String word : distinct(ChineseAnalysis.tokens(words, text), MAX_WORDS)) {
            List<String> forms = new ArrayList<>();
            forms.add(word);
            synonyms.getOrDefault(word, Set.of()).stream().filter(s -> !s.equals(word)).forEach(forms::add);
            query.add(new BoostQuery(inField(LawFields.TEXT, forms), TEXT_WEIGHT), BooleanClause.Occur.SHOULD);
            query.add(new BoostQuery(inField(LawFields.HEADING, forms), HEADING_WEIGHT), BooleanClause.Occur.SHOULD);
            query.add(new BoostQuery(inField(LawFields.LAW, forms), LAW_WEIGHT), BooleanClause.Occur.SHOULD);
            any = true;
        }
        BooleanQuery.Builder pairs = new BooleanQuery.Builder();
        boolean anyPair = false;
        for (String pair : distinct(ChineseAnalysis.tokens(bigrams, text), MAX_BIGRAMS)) {
            pairs.add(new TermQuery(new Term(LawFields.BIGRAMS, pair)), BooleanClause.Occur.SHOULD);
            anyPair = true;
        }
        if (anyPair) {
            query.add(new BoostQuery(pairs.build(), BIGRAM_WEIGHT), BooleanClause.Occur.SHOULD);
        }
        return any || anyPair ? Optional.of(query.build()) : Optional.empty();
    }

    private Query inField(String field, List<String> forms) {
        SynonymQuery.Builder query = new SynonymQuery.Builder(field);
        query.addTerm(new Term(field, forms.get(0)));
        for (String synonym : forms.subList(1, forms.size())) {
            query.addTerm(new Term(field, synonym), SYNONYM_WEIGHT);
        }
        return query.build();
    }

    /** Tokens holding a letter, first occurrence only; numbers and punctuation say nothing of the topic. */
    private static List<String> distinct(List<String> tokens, int max) {
        Set<String> kept = new LinkedHashSet<>();
        for (String token : tokens) {
            if (kept.size() == max) {
                break;
            }
            if (token.codePoints().anyMatch(Character::isLetter) && !ChineseAnalysis.isStopWord(token)) {
                kept.add(token);
            }
        }
        return List.copyOf(kept);
    }

    /** The law's name as citizens say it: 中华人民共和国劳动合同法 → 劳动合同法. */
    static String shortName(String law) {
        return law.startsWith("中华人民共和国") ? law.substring("中华人民共和国".length()) : law;
    }

    /** A heading without its number: 第四章  劳动合同的解除和终止 → 劳动合同的解除和终止. */
    static String title(String heading) {
        return HEADING_NUMBER.matcher(heading.strip()).replaceFirst("");
    }
}
