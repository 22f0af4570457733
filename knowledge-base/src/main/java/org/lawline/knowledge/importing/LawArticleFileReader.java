package org.lawline.knowledge.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.lawline.knowledge.FaqImport;
import org.lawline.knowledge.ImportFailed;
import org.lawline.knowledge.ImportLimits;
import org.lawline.knowledge.ImportProgress;
import org.lawline.knowledge.ImportReport;
import org.lawline.knowledge.LawArticle;
import org.lawline.knowledge.LawArticleImport;
import org.lawline.knowledge.LawReference;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON Lines files of law articles, one object a line with {@code law, article, text}
 * and optionally {@code id, book, chapter} (other properties ignored), as
 * {@code laws/core_law_articles.jsonl} has them. Hands each good row to the caller as it is
 * read, collects the bad ones with their line numbers; holds one row in memory at a time.
 */
public final class LawArticleFileReader implements LawArticleImport {

    /** Longer than the longest article of the Criminal Law or the Civil Code, by far. */
    static final int MAX_TEXT_CHARS = 20_000;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final ImportLimits limits;

    public LawArticleFileReader(ImportLimits limits) {
        this.limits = limits;
    }

    /**
     * Whether a line of a JSON Lines file describes a law article rather than an FAQ entry: it
     * has {@code article} and {@code text} and no {@code answer}.
     */
    private static boolean describesArticle(String jsonLine) {
        try {
            JsonNode node = JSON.readTree(jsonLine);
            return node != null && node.isObject() && node.has("article") && node.has("text") && !node.has("answer");
        } catch (JacksonException e) {
            return false;
        }
    }

    @Override
    public boolean holdsArticles(Path file) {
        if (FaqImport.Format.of(file) != FaqImport.Format.JSONL) {
            return false;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    return describesArticle(line.replace("\uFEFF", ""));
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

    @Override
    public ImportReport read(Path file, Consumer<LawArticle> accepted, ImportProgress progress) {
        try {
            long size = Files.size(file);
            limits.requireFileOf(size);
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, size, accepted, progress);
            }
        } catch (NoSuchFileException e) {
            throw new ImportFailed("No such file: " + file, e);
        } catch (IOException e) {
            throw new ImportFailed("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ImportReport read(InputStream in, Consumer<LawArticle> accepted, ImportProgress progress) {
        return read(in, -1, accepted, progress);
    }

    /**
     * Reads the UTF-8 stream (a byte-order mark is skipped) to its end. Does not close it.
     *
     * @param totalBytes the stream's length for progress reports, or -1 when unknown
     * @throws ImportFailed when the stream cannot be read or passes the size limit
     */
    public ImportReport read(InputStream in, long totalBytes, Consumer<LawArticle> accepted, ImportProgress progress) {
        CountingInputStream counted = new CountingInputStream(in, limits.maxFileBytes());
        TextCursor text = new TextCursor(new InputStreamReader(counted, StandardCharsets.UTF_8));
        ImportTally tally = new ImportTally(counted, totalBytes, progress);
        try {
            for (Optional<Line> line = next(text); line.isPresent(); line = next(text)) {
                tally.row(line.get().number(), take(line.get(), accepted));
            }
        } catch (UncheckedIOException e) {
            throw new ImportFailed("The file could not be read: " + e.getCause().getMessage(), e);
        }
        return tally.finish();
    }

    /** One non-blank line; {@code content} is null when the line was too long to keep. */
    private record Line(long number, String content) {
    }

    private Optional<Line> next(TextCursor text) {
        while (true) {
            long number = text.line();
            int c = text.next();
            if (c == TextCursor.END) {
                return Optional.empty();
            }
            StringBuilder content = new StringBuilder();
            boolean tooLong = false;
            // a line past the limit is consumed to its end but not kept: one huge line must not fill memory
            for (; c != TextCursor.END && c != '\n'; c = text.next()) {
                if (content.length() < limits.maxRowChars()) {
                    content.append((char) c);
                } else {
                    tooLong = true;
                }
            }
            if (tooLong) {
                return Optional.of(new Line(number, null));
            }
            if (!content.toString().isBlank()) {
                return Optional.of(new Line(number, content.toString()));
            }
        }
    }

    private Optional<String> take(Line line, Consumer<LawArticle> accepted) {
        if (line.content() == null) {
            return Optional.of("line longer than " + limits.maxRowChars() + " characters");
        }
        JsonNode node;
        try {
            node = JSON.readTree(line.content());
        } catch (JacksonException e) {
            return Optional.of("bad JSON: " + Reasons.shorten(e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            return Optional.of("bad JSON: a line must hold one object");
        }
        String law = string(node, "law");
        String article = string(node, "article");
        String body = string(node, "text");
        if (law.isEmpty() || article.isEmpty() || body.isEmpty()) {
            return Optional.of("missing " + (law.isEmpty() ? "law" : article.isEmpty() ? "article" : "text"));
        }
        if (body.length() > MAX_TEXT_CHARS) {
            return Optional.of("text longer than " + MAX_TEXT_CHARS + " characters");
        }
        LawReference reference;
        try {
            reference = LawReference.parse(law + article);
        } catch (IllegalArgumentException e) {
            return Optional.of("article is not 第…条: " + Reasons.shorten(article));
        }
        String id = string(node, "id");
        if (!id.isEmpty() && !id.equals(reference.articleId())) {
            return Optional.of("id " + Reasons.shorten(id) + " does not name 《" + law + "》" + article
                    + " (expected " + reference.articleId() + ")");
        }
        accepted.accept(new LawArticle(reference.articleId(), reference.law(), reference.article(), body,
                string(node, "book"), string(node, "chapter")));
        return Optional.empty();
    }

    private static String string(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() || !value.isValueNode() ? "" : value.asString().strip();
    }
}
