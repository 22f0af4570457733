package org.lawline.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.lawline.knowledge.importing.LawArticleFileReader;

/**
 * Reads law articles from a JSON Lines file, streaming: one object a line with
 * {@code law, article, text} and optionally {@code id} (it must be the one law and article
 * give, e.g. {@code art:劳动合同法第三十条}), {@code book} and {@code chapter}, as
 * {@code laws/core_law_articles.jsonl} has them. Each bad row is reported with its line and the
 * import goes on. Thread safe.
 */
public final class LawArticleImport {

    private final ImportLimits limits;
    private final LawArticleFileReader reader;

    public LawArticleImport(ImportLimits limits) {
        this.limits = limits;
        this.reader = new LawArticleFileReader(limits);
    }

    /**
     * Whether the file holds law articles rather than FAQ entries: a JSON Lines file whose first
     * non-blank line has {@code article} and {@code text} and no {@code answer}.
     */
    public static boolean holdsArticles(Path file) {
        if (FaqImport.Format.of(file) != FaqImport.Format.JSONL) {
            return false;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    return LawArticleFileReader.describesArticle(line.replace("\uFEFF", ""));
                }
            }
            return false;
        } catch (NoSuchFileException e) {
            throw new ImportFailed("No such file: " + file, e);
        } catch (IOException e) {
            // a first line that is not UTF-8 text is no article file; the FAQ import will say what is wrong
            return false;
        }
    }

    /**
     * Reads the file.
     *
     * @param accepted given each good article in file order; an exception it throws ends the import
     * @throws ImportFailed when the file is missing, unreadable or over the size limit
     */
    public ImportReport read(Path file, Consumer<LawArticle> accepted, ImportProgress progress) {
        try {
            long size = Files.size(file);
            limits.requireFileOf(size);
            try (InputStream in = Files.newInputStream(file)) {
                return reader.read(in, size, accepted, progress);
            }
        } catch (NoSuchFileException e) {
            throw new ImportFailed("No such file: " + file, e);
        } catch (IOException e) {
            throw new ImportFailed("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a UTF-8 stream to its end, without closing it. */
    public ImportReport read(InputStream in, Consumer<LawArticle> accepted, ImportProgress progress) {
        return reader.read(in, -1, accepted, progress);
    }
}
