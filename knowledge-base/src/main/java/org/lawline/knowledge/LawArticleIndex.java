package org.lawline.knowledge;

import java.util.Collection;

/**
 * {@link LawArticles} held in memory, each process its own copy, that can be rebuilt while it
 * is being searched: a search sees the articles either before or after a {@link #replaceAll}.
 * Thread safe.
 *
 * <p>Search uses LawLine's Chinese analysis (smartcn, our stop words, our synonyms and a list of
 * lay words for legal terms) over the article's text, its law's name and its book and chapter,
 * beside character bigrams of the text, which catch the legal compounds smartcn cuts apart.
 * A hybrid index also finds articles by meaning: the nearest bge-small-zh
 * vectors of law, chapter and text to the question's, fused with the word ranking.
 *
 * <p>The service's index is a bean ({@link KnowledgeBaseConfiguration}); code without an
 * application context gets one from {@link KnowledgeWiring}.
 */
public interface LawArticleIndex extends LawArticles, AutoCloseable {

    /**
     * Makes the index hold exactly these articles (the last one wins when ids repeat). When this
     * returns every article is searchable by its words; a hybrid index adds the vectors it has
     * to compute afterwards, in the background.
     */
    void replaceAll(Collection<LawArticle> articles);

    /**
     * Waits until the articles of the last {@link #replaceAll} are searchable by meaning too, or
     * their vectors failed (logged); returns at once for an index searched by words alone. For
     * measurements, which must see the index whole; a service never needs to wait.
     */
    default void awaitVectors() {
        awaitVectors(VectorProgress.NONE);
    }

    /** As {@link #awaitVectors()}, told how far the vectors are while it waits. */
    default void awaitVectors(VectorProgress progress) {
    }

    /** Releases the index; searching a closed index fails. */
    @Override
    void close();
}
