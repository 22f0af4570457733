package org.lawline.knowledge;

import java.util.Collection;
import org.lawline.knowledge.law.LuceneLawArticles;

/**
 * {@link LawArticles} held in memory, each process its own copy, that can be rebuilt while it
 * is being searched: a search sees the articles either before or after a {@link #replaceAll}.
 * Thread safe.
 *
 * <p>Search uses LawLine's Chinese analysis (smartcn, our stop words, our synonyms and a list of
 * lay words for legal terms) over the article's text, its law's name and its book and chapter,
 * beside character bigrams of the text, which catch the legal compounds smartcn cuts apart.
 */
public interface LawArticleIndex extends LawArticles, AutoCloseable {

    /** Makes the index hold exactly these articles (the last one wins when ids repeat). */
    void replaceAll(Collection<LawArticle> articles);

    /** Releases the index; searching a closed index fails. */
    @Override
    void close();

    /** An empty index. */
    static LawArticleIndex inMemory() {
        return new LuceneLawArticles();
    }
}
