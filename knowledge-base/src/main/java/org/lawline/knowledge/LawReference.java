package org.lawline.knowledge;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A citation of one article of one law, as written in a knowledge-base entry:
 * the law's full name and the article, e.g. 中华人民共和国劳动合同法 + 第三十条.
 */
public record LawReference(String law, String article) {

    private static final Pattern REFERENCE =
            Pattern.compile("^(.+?)(第[〇零一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?)$");

    public LawReference {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(article, "article");
        law = law.strip();
        article = article.strip();
        if (law.isEmpty() || article.isEmpty()) {
            throw new IllegalArgumentException("A law reference needs a law and an article");
        }
    }

    /**
     * Parses the written form used by entries and imports, e.g. {@code 中华人民共和国民法典第五十四条}
     * or {@code 《劳动合同法》第三十条}.
     *
     * @throws IllegalArgumentException when the text does not end in an article number
     */
    public static LawReference parse(String text) {
        String compact = text == null ? "" : text.strip().replace(" ", "");
        Matcher m = REFERENCE.matcher(compact);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a law reference (law name followed by 第…条): " + text);
        }
        String law = m.group(1);
        if (law.startsWith("《") && law.endsWith("》")) {
            law = law.substring(1, law.length() - 1);
        }
        return new LawReference(law, m.group(2));
    }

    /** The id of the article in the law-article corpus, e.g. {@code art:劳动合同法第三十条}. */
    public String articleId() {
        return "art:" + law.replace("中华人民共和国", "").replace("《", "").replace("》", "") + article;
    }

    /** How a citizen reads the citation: 《劳动合同法》第三十条. */
    public String display() {
        String shortName = law.startsWith("中华人民共和国") ? law.substring("中华人民共和国".length()) : law;
        return "《" + shortName + "》" + article;
    }

    /** The written form, as {@link #parse} reads it. */
    @Override
    public String toString() {
        return law + article;
    }
}
