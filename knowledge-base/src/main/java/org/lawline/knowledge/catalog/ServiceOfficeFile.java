package org.lawline.knowledge.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lawline.knowledge.ServiceOffice;
import org.lawline.knowledge.ServiceOfficeImport;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Service offices from a JSON Lines file, parsed with Jackson. */
public final class ServiceOfficeFile implements ServiceOfficeImport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public List<ServiceOffice> read(InputStream in, String name) {
        List<ServiceOffice> offices = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (!line.isBlank()) {
                    offices.add(office(line, name, number));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
        return List.copyOf(offices);
    }

    private static ServiceOffice office(String line, String name, int number) {
        try {
            JsonNode node = JSON.readTree(line);
            return new ServiceOffice(
                    required(node, "id"),
                    required(node, "name"),
                    ServiceOffice.Kind.valueOf(required(node, "kind")),
                    required(node, "city"),
                    node.path("district").asString("").strip(),
                    required(node, "address"),
                    node.path("phone").asString(""),
                    node.path("hours").asString(""),
                    coordinate(node, "latitude", 90),
                    coordinate(node, "longitude", 180));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " line " + number + ": " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode node, String field) {
        String value = node.path(field).asString("").strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    private static double coordinate(JsonNode node, String field, double bound) {
        JsonNode value = node.path(field);
        if (!value.isNumber() || Math.abs(value.doubleValue()) > bound) {
            throw new IllegalArgumentException(field + " must be a number between -" + bound + " and " + bound);
        }
        return value.doubleValue();
    }
}
