package org.lawline.knowledge.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rows of a JSON Lines file: one object per line with {@code id, question, answer, category,
 * law_refs} and optionally {@code phrasings}; other properties are ignored.
 */
final class JsonlRows implements RowSource {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final TextCursor text;
    private final int maxRowChars;

    JsonlRows(TextCursor text, int maxRowChars) {
        this.text = text;
        this.maxRowChars = maxRowChars;
    }

    @Override
    public Optional<Row> next() {
        while (true) {
            long line = text.line();
            StringBuilder content = new StringBuilder();
            boolean tooLong = false;
            int c = text.next();
            if (c == TextCursor.END) {
                return Optional.empty();
            }
            // a line past the limit is consumed to its end but not kept: one huge line must not fill memory
            for (; c != TextCursor.END && c != '\n'; c = text.next()) {
                if (content.length() < maxRowChars) {
                    content.append((char) c);
                } else {
                    tooLong = true;
                }
            }
            if (tooLong) {
                return Optional.of(new Row.Unreadable(line, "line longer than " + maxRowChars + " characters"));
            }
            String json = content.toString();
            if (!json.isBlank()) {
                return Optional.of(parse(line, json));
            }
        }
    }

    private static Row parse(long line, String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            return new Row.Unreadable(line, "bad JSON: " + Reasons.shorten(e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            return new Row.Unreadable(line, "bad JSON: a line must hold one object");
        }
        try {
            return new Row.Readable(new RawRow(line,
                    scalar(node, "id"),
                    text(node, "question"),
                    strings(node, "phrasings"),
                    text(node, "answer"),
                    text(node, "category"),
                    strings(node, "law_refs")));
        } catch (WrongType e) {
            return new Row.Unreadable(line, e.getMessage());
        }
    }

    /** Ids are strings in our files, but some exports write them as numbers. */
    private static String scalar(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isString() || value.isNumber()) {
            return value.asString();
        }
        throw new WrongType(name + " must be a string");
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isString()) {
            throw new WrongType(name + " must be a string");
        }
        return value.stringValue();
    }

    private static List<String> strings(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new WrongType(name + " must be an array of strings");
        }
        List<String> values = new ArrayList<>(value.size());
        for (JsonNode element : value.values()) {
            if (!element.isString()) {
                throw new WrongType(name + " must be an array of strings");
            }
            values.add(element.stringValue());
        }
        return values;
    }

    private static final class WrongType extends RuntimeException {
        WrongType(String message) {
            super(message, null, false, false);
        }
    }
}
