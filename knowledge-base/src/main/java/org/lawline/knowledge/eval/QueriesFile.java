package org.lawline.knowledge.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lawline.knowledge.ImportFailed;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A labelled query set: JSON Lines, {@code {"q": "…", "gold": ["id", …]}} a line, other
 * properties ignored. It is ours to measure with, so a bad line fails the whole file.
 */
public final class QueriesFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private QueriesFile() {
    }

    /** @throws ImportFailed naming the line, when the file is missing or a line is not a query */
    public static List<LabelledQuery> read(Path file) {
        List<LabelledQuery> queries = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (!line.isBlank()) {
                    queries.add(query(line.replace("\uFEFF", ""), file, number));
                }
            }
        } catch (IOException e) {
            throw new ImportFailed("Cannot read the queries " + file + ": " + e.getMessage(), e);
        }
        if (queries.isEmpty()) {
            throw new ImportFailed("The queries file " + file + " holds no query");
        }
        return List.copyOf(queries);
    }

    private static LabelledQuery query(String line, Path file, int number) {
        try {
            JsonNode node = JSON.readTree(line);
            JsonNode q = node.get("q");
            JsonNode gold = node.get("gold");
            if (q == null || !q.isString() || q.stringValue().isBlank()) {
                throw new ImportFailed(file.getFileName() + " line " + number + ": q must be a non-empty string");
            }
            List<String> ids = new ArrayList<>();
            if (gold != null && !gold.isNull()) {
                if (!gold.isArray()) {
                    throw new ImportFailed(file.getFileName() + " line " + number + ": gold must be an array of ids");
                }
                gold.values().forEach(id -> ids.add(id.asString()));
            }
            return new LabelledQuery(q.stringValue(), ids);
        } catch (JacksonException e) {
            throw new ImportFailed(file.getFileName() + " line " + number + ": bad JSON: " + e.getOriginalMessage(), e);
        }
    }
}
