package org.lawline.knowledge.catalog;

import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Lists of strings kept in one text column as a JSON array. */
final class JsonLists {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private JsonLists() {
    }

    static String write(List<String> values) {
        return JSON.writeValueAsString(values);
    }

    /** The list in the column; an empty list for null or empty text. */
    static List<String> read(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return JSON.readValue(column, STRINGS);
    }
}
