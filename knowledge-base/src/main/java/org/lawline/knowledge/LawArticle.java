package org.lawline.knowledge;

import java.util.Objects;

/**
 * One article of one law, in full: what a citizen reads after replying 查看法条.
 *
 * @param id      the article's id, e.g. {@code art:劳动合同法第三十条} (see {@link LawReference#articleId()})
 * @param law     the law's full name, e.g. 中华人民共和国劳动合同法
 * @param article the article, e.g. 第三十条
 * @param text    the article's text
 * @param book    the part of the law holding it (编, e.g. 合同), empty when the law has none
 * @param chapter the chapter holding it (章), empty when the law has none
 */
public record LawArticle(String id, String law, String article, String text, String book, String chapter) {

    public LawArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(text, "text");
        book = book == null ? "" : book.strip();
        chapter = chapter == null ? "" : chapter.strip();
        if (id.isBlank() || law.isBlank() || article.isBlank() || text.isBlank()) {
            throw new IllegalArgumentException("A law article needs an id, a law, an article and a text");
        }
    }

    /** An article whose id is the one its law and article give ({@link LawReference#articleId()}). */
    public static LawArticle of(String law, String article, String text, String book, String chapter) {
        return new LawArticle(new LawReference(law, article).articleId(), law, article, text, book, chapter);
    }

    /** The citation of this article. */
    public LawReference reference() {
        return new LawReference(law, article);
    }
}
