package org.lawline.knowledge.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

/**
 * The confidence of a {@link org.lawline.knowledge.FaqMatch}: how much of the citizen's
 * question the entry covers, tempered by how much of the entry's own question the citizen asked.
 *
 * <p><b>Question coverage.</b> Each distinct term of the question gets a weight, its inverse
 * document frequency over the whole index, {@code ln(1 + (N - n + 0.5) / (n + 0.5))}, where N is
 * the number of entries and n the number holding the term or one of its synonyms in any field.
 * An entry covers a term fully when its question or a phrasing holds the term or a synonym,
 * half when only its answer or category does. Question coverage is the covered weight over the
 * total weight. Rare, topical words count most and common ones little, and a word no entry
 * holds (天气, a typo, gibberish) carries the largest weight and counts wholly against every
 * entry.
 *
 * <p><b>Entry coverage.</b> The same share the other way round, for the entry's question and
 * each phrasing, of their terms the citizen's question holds (with synonyms); the best of them.
 * It keeps a question that shares one rare word with a long, different entry (今天天气怎么样 and
 * 因天气原因致航班晚点…) from looking like a match.
 *
 * <p><b>Confidence</b> = question coverage × (0.6 + 0.4 × entry coverage), from 0 to 1. It depends only on the question, the
 * entry and the index, not on the other results, so it can be compared across searches.
 *
 * <p>"Holds" means having the word as a token or, for words of two characters or more, anywhere
 * in the text: smartcn sometimes cuts a word apart (我辞职能要 becomes 辞 / 职能), and a
 * two-character word found inside other text is almost always the same word. Single characters
 * must be tokens (告 is not 告知).
 */
final class Coverage {

    private static final double ANSWER_ONLY = 0.5;
    /**
     * What a word found only in the answer or category counts for in {@link Score#ranking}: in
     * full. Confidence keeps counting it half (an entry that only talks about a word is no sure
     * answer to it), but among entries that are candidates, one whose answer explains the
     * asked concept is as good a match as one that names it in its question. Measured with the
     * field boosts of {@link FaqFields#SEARCHED}: on faq_keywords_dev (578 keyword queries,
     * 1,532 LeCoQA entries) top-1 0.772 → 0.791, on the bundled entries' held-out phrasings
     * (183) 0.519 → 0.568.
     */
    private static final double ANSWER_ONLY_IN_RANKING = 1.0;
    /**
     * How much entry coverage weighs. At 0.4, off-topic questions sharing one word with an entry
     * stayed below 0.35 while questions worded differently from their entry stayed above 0.6
     * (FaqRankingTest, BundledKnowledgeSearchTest); more pulls both down.
     */
    private static final double ENTRY_SHARE = 0.4;

    private final IndexSearcher searcher;
    private final EntryCounts.Counts counts;
    private final List<QueryTerm> terms;
    private final double[] weights;
    private final double totalWeight;
    /** Every word of the question with every synonym: what an entry's words are looked up in. */
    private final Set<String> questionForms = new HashSet<>();
    private final String questionText;
    private final Map<String, TermsEnum> termsEnums = new HashMap<>();

    Coverage(IndexSearcher searcher, EntryCounts.Counts counts, String question, List<QueryTerm> terms)
            throws IOException {
        this.searcher = searcher;
        this.counts = counts;
        this.terms = terms;
        this.questionText = Vocabulary.readPart(question).toLowerCase(Locale.ROOT);
        this.weights = new double[terms.size()];
        double total = 0;
        for (int i = 0; i < terms.size(); i++) {
            weights[i] = idf(counts.holding(terms.get(i)));
            total += weights[i];
            questionForms.addAll(terms.get(i).forms());
        }
        this.totalWeight = total;
    }

    /**
     * The confidence for each candidate.
     *
     * @param docs    the candidates' document ids in the searcher
     * @param entries the candidates, in the same order
     * @return their scores, in the same order
     */
    Score[] of(int[] docs, List<IndexedEntry> entries) throws IOException {
        Score[] scores = new Score[docs.length];
        if (totalWeight == 0) {
            Arrays.fill(scores, new Score(0, 0, 0));
            return scores;
        }
        Held held = held(docs);
        for (int c = 0; c < docs.length; c++) {
            IndexedEntry entry = entries.get(c);
            double covered = 0;
            double toldOnly = 0;
            for (int i = 0; i < terms.size(); i++) {
                List<String> forms = terms.get(i).forms();
                if (held.asked[c][i] || contains(entry.asked(), forms)) {
                    covered += weights[i];
                } else if (held.told[c][i] || contains(entry.told(), forms)) {
                    toldOnly += weights[i];
                }
            }
            double entryFactor = 1 - ENTRY_SHARE + ENTRY_SHARE * entryCovered(entry.askedTerms());
            double confidence = Math.min(1.0, (covered + ANSWER_ONLY * toldOnly) / totalWeight) * entryFactor;
            double questionShare = Math.min(1.0, (covered + ANSWER_ONLY_IN_RANKING * toldOnly) / totalWeight);
            scores[c] = new Score(confidence, questionShare * entryFactor, questionShare);
        }
        return scores;
    }

    /**
     * @param confidence    the confidence described above, from 0 to 1
     * @param ranking       the same with words only in the answer or category counted in full: what
     *                      candidates are ordered by, not how sure the answer is
     * @param questionShare the ranking without entry coverage: for ordering where closeness in
     *                      meaning already tells whether the entry as a whole is what was asked
     */
    record Score(double confidence, double ranking, double questionShare) {
    }

    /** Which candidate holds which question term as a token, among its asked and among its told fields. */
    private record Held(boolean[][] asked, boolean[][] told) {
    }

    /**
     * Looks the candidates up in the postings of each question term: per segment, field and
     * form one postings list, walked forward through the candidates in document order, rather
     * than one seek per candidate, term and field.
     */
    private Held held(int[] docs) throws IOException {
        Held held = new Held(new boolean[docs.length][terms.size()], new boolean[docs.length][terms.size()]);
        Integer[] order = new Integer[docs.length];
        for (int c = 0; c < docs.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int from = 0;
        while (from < order.length) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[order[from]], leaves));
            int to = from;
            while (to < order.length && docs[order[to]] < leaf.docBase + leaf.reader().maxDoc()) {
                to++;
            }
            Integer[] inLeaf = Arrays.copyOfRange(order, from, to);
            for (int i = 0; i < terms.size(); i++) {
                mark(leaf, FaqFields.ASKED, terms.get(i), docs, inLeaf, held.asked, i);
                mark(leaf, FaqFields.TOLD, terms.get(i), docs, inLeaf, held.told, i);
            }
            from = to;
        }
        return held;
    }

    /** Sets {@code marks[c][term]} for each candidate c (in document order) holding the term or a synonym in one of the fields. */
    private void mark(LeafReaderContext leaf, List<String> fields, QueryTerm term, int[] docs, Integer[] candidates,
                      boolean[][] marks, int termIndex) throws IOException {
        for (String field : fields) {
            TermsEnum iterator = termsOf(leaf, field);
            if (iterator == null) {
                continue;
            }
            for (String form : term.forms()) {
                if (!iterator.seekExact(new BytesRef(form))) {
                    continue;
                }
                PostingsEnum postings = iterator.postings(null, PostingsEnum.NONE);
                for (int c : candidates) {
                    int local = docs[c] - leaf.docBase;
                    int at = postings.docID() < local ? postings.advance(local) : postings.docID();
                    if (at == DocIdSetIterator.NO_MORE_DOCS) {
                        break;
                    }
                    if (at == local) {
                        marks[c][termIndex] = true;
                    }
                }
            }
        }
    }

    private double entryCovered(List<List<String>> askedTerms) throws IOException {
        double best = 0;
        for (List<String> sentence : askedTerms) {
            best = Math.max(best, share(sentence));
        }
        return best;
    }

    /** The idf-weighted share of a sentence's words that the question holds. */
    private double share(List<String> words) throws IOException {
        double total = 0;
        double held = 0;
        for (String word : words) {
            double weight = idf(counts.holdingInOneField(word));
            total += weight;
            if (questionForms.contains(word) || contains(questionText, List.of(word))) {
                held += weight;
            }
        }
        return total == 0 ? 0 : held / total;
    }

    private double idf(int holding) {
        int entries = counts.entries();
        return Math.log(1 + (entries - holding + 0.5) / (holding + 0.5));
    }

    /** One terms iterator per segment and field for the whole search: opening one costs more than a seek. */
    private TermsEnum termsOf(LeafReaderContext leaf, String field) throws IOException {
        String key = leaf.ord + "/" + field;
        if (termsEnums.containsKey(key)) {
            return termsEnums.get(key);
        }
        Terms indexed = leaf.reader().terms(field);
        TermsEnum iterator = indexed == null ? null : indexed.iterator();
        termsEnums.put(key, iterator);
        return iterator;
    }

    private static boolean contains(String text, List<String> forms) {
        for (String form : forms) {
            if (form.codePointCount(0, form.length()) >= 2 && text.contains(form)) {
                return true;
            }
        }
        return false;
    }
}
