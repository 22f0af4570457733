package org.lawline.conversation.dialog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lawline.knowledge.LabelledExample;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The team's labelled utterances, one JSON object a line: {@code {"label": "person", "text": "…"}}.
 * The training part ships as {@value #TRAINING}; the held-out part lives with the tests and is
 * never used to tune anything. Labels are {@link MeaningRecogniser}'s.
 */
final class IntentExamples {

    static final String TRAINING = "intent-examples.jsonl";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private IntentExamples() {
    }

    /** The training examples shipped with bot-core. */
    static List<LabelledExample> training() {
        return read(TRAINING);
    }

    /**
     * Reads a resource beside this class. Our own file: a bad line is a build mistake and fails
     * with its line number.
     */
    static List<LabelledExample> read(String resource) {
        InputStream in = IntentExamples.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("The intent examples " + resource + " are missing from the classpath");
        }
        List<LabelledExample> examples = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode row = JSON.readTree(line);
                    String label = row.path("label").asText("");
                    if (!MeaningRecogniser.knows(label)) {
                        throw new IllegalArgumentException("unknown label '" + label + "'");
                    }
                    examples.add(new LabelledExample(label, row.path("text").asText("")));
                } catch (JacksonException | IllegalArgumentException e) {
                    throw new IllegalStateException(resource + " line " + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return List.copyOf(examples);
    }
}
