package org.lawline.knowledge;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import org.lawline.knowledge.embedding.QuestionVectors;
import org.lawline.knowledge.law.LuceneLawArticles;

/**
 * {@link LawArticles} held in memory, each process its own copy, that can be rebuilt while it
 * is being searched: a search sees the articles either before or after a {@link #replaceAll}.
 * Thread safe.
 *
 * <p>Search uses LawLine's Chinese analysis (smartcn, our stop words, our synonyms and a list of
 * lay words for legal terms) over the article's text, its law's name and its book and chapter,
 * beside character bigrams of the text, which catch the legal compounds smartcn cuts apart.
 * A {@link #hybrid hybrid} index also finds articles by meaning: the nearest bge-small-zh
 * vectors of law, chapter and text to the question's, fused with the word ranking.
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

    /** An empty index searched by words alone: no model is loaded. */
    static LawArticleIndex inMemory() {
        return new LuceneLawArticles();
    }

    /**
     * An empty hybrid index: words and the in-process bge-small-zh sentence model (loaded once per
     * process, 1 to 3 s), article vectors cached in this folder by content hash, so only the
     * first build embeds them (about 2 minutes for 3,400 articles, in the background) and later
     * ones read them. Several processes may share the folder.
     */
    static LawArticleIndex hybrid(Path embeddingCache) {
        return LuceneLawArticles.hybrid(Optional.of(embeddingCache));
    }

    /** As {@link #hybrid(Path)}, article vectors kept in memory only: every new process embeds them again. */
    static LawArticleIndex hybrid() {
        return LuceneLawArticles.hybrid(Optional.empty());
    }

    /**
     * As {@link #hybrid(Path)} (vectors in memory only when no folder is given), an article also
     * ranked higher when an entry this FAQ search finds for the question cites it: what the
     * knowledge base's own entries say a question is about, consulted at every search.
     */
    static LawArticleIndex hybrid(Optional<Path> embeddingCache, FaqSearch consulted) {
        return LuceneLawArticles.hybrid(embeddingCache, QuestionVectors.shared(), consulted);
    }
}
