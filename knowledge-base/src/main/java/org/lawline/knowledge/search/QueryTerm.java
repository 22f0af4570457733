package org.lawline.knowledge.search;

import java.util.List;

/**
 * One word of a citizen's question after analysis, with the words that mean the same.
 *
 * @param word  the word as analysed
 * @param forms the word first, then its synonyms; all distinct
 */
record QueryTerm(String word, List<String> forms) {

    QueryTerm {
        forms = List.copyOf(forms);
        if (forms.isEmpty() || !forms.get(0).equals(word)) {
            throw new IllegalArgumentException("A query term's forms start with the word itself");
        }
    }
}
