package dev.storycore.comfyui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lenient readers over Jackson trees: absent or null fields read as empty strings, zero or empty
 * lists, because ComfyUI builds differ in which fields they send. Not exported; thread-safe.
 */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** Parses a body, naming the endpoint when it is not JSON. */
    static JsonNode parse(String body, String endpoint) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ComfyUiProtocolException(endpoint + ": answer is not JSON: " + Transport.snippet(body), e);
        }
    }

    /** Renders a tree as compact JSON text. */
    static String write(JsonNode node) {
        return node.toString();
    }

    /** A field as text: strings as they are, numbers and booleans printed, anything else empty. */
    static String text(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    /** A field as a long, 0 when absent or not a number. */
    static long longValue(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        return value.isNumber() ? value.asLong() : 0L;
    }

    /** Any value as a string: strings as they are, everything else as JSON text. */
    static String scalarOrJson(JsonNode value) {
        return value.isTextual() ? value.textValue() : value.toString();
    }

    /** The elements of an array field as strings, skipping nulls; empty when not an array. */
    static List<String> strings(JsonNode parent, String field) {
        return strings(parent.path(field));
    }

    /** The elements of an array as strings, skipping nulls; empty when not an array. */
    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(item -> {
                if (!item.isNull()) {
                    out.add(scalarOrJson(item));
                }
            });
        }
        return out;
    }

    /** An object's fields as strings ({@link #scalarOrJson}), nulls left out, in order. */
    static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        if (object.isObject()) {
            object.properties().forEach(field -> {
                if (!field.getValue().isNull()) {
                    out.put(field.getKey(), scalarOrJson(field.getValue()));
                }
            });
        }
        return out;
    }
}
