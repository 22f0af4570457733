package org.lawline.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * The law articles LawLine knows, to show a cited article in full and to find articles for a
 * question. Implementations are thread safe.
 */
public interface LawArticles {

    /**
     * The article a citation names, if it is known. The law may be written with or without
     * 中华人民共和国 and book-title marks: {@code 中华人民共和国劳动合同法 + 第三十条} and
     * {@code 《劳动合同法》 + 第三十条} find the same article.
     */
    default Optional<LawArticle> find(LawReference reference) {
        return find(reference.articleId());
    }

    /** The article with this id ({@code art:劳动合同法第三十条}), if it is known. */
    Optional<LawArticle> find(String id);

    /**
     * The articles that best answer the text, best first; empty when nothing matches. The text
     * is a citizen's words: it is never interpreted as query syntax.
     */
    List<LawArticleMatch> search(String text, int limit);

    /** How many articles there are. */
    int size();
}
