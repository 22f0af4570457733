package org.lawline.knowledge;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads law articles from a JSON Lines file, streaming: one object a line with
 * {@code law, article, text} and optionally {@code id} (it must be the one law and article
 * give, e.g. {@code art:劳动合同法第三十条}), {@code book} and {@code chapter}, as
 * {@code laws/core_law_articles.jsonl} has them. Each bad row is reported with its line and the
 * import goes on. Thread safe. Code without an application context gets one from
 * {@link KnowledgeWiring#lawArticleImport}.
 */
public interface LawArticleImport {

    /**
     * Whether the file holds law articles rather than FAQ entries: a JSON Lines file whose first
     * non-blank line has {@code article} and {@code text} and no {@code answer}.
     *
     * @throws ImportFailed when the file is missing
     */
    boolean holdsArticles(Path file);

    /**
     * Reads the file.
     *
     * @param accepted given each good article in file order; an exception it throws ends the import
     * @throws ImportFailed when the file is missing, unreadable or over the size limit
     */
    ImportReport read(Path file, Consumer<LawArticle> accepted, ImportProgress progress);

    /** Reads a UTF-8 stream to its end, without closing it. */
    ImportReport read(InputStream in, Consumer<LawArticle> accepted, ImportProgress progress);
}
