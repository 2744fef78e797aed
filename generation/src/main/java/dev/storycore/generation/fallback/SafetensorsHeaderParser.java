package dev.storycore.generation.fallback;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses a safetensors header's JSON in one streaming pass: an object of tensor entries
 * ({@code dtype}, {@code shape}, {@code data_offsets}; other keys are skipped) plus an optional
 * {@code __metadata__} object of strings. Duplicate keys and trailing content are errors. Stateless
 * and thread-safe.
 */
final class SafetensorsHeaderParser {

    private static final String METADATA_KEY = "__metadata__";

    private SafetensorsHeaderParser() {
    }

    /** A header problem; its message is a predicate about the file, rethrown with the file name. */
    static final class HeaderException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        HeaderException(String detail) {
            super(detail, null, false, false);
        }
    }

    static SafetensorsHeader parse(byte[] header, long fileSize, long headerLength) {
        try (JsonParser parser = Json.headerParser(header)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new HeaderException("has a header that is not a JSON object");
            }
            List<TensorInfo> tensors = new ArrayList<>();
            Map<String, String> metadata = new TreeMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals(METADATA_KEY)) {
                    readMetadata(parser, metadata);
                } else {
                    tensors.add(tensor(parser, name));
                }
            }
            if (parser.nextToken() != null) {
                throw new HeaderException("has content after its header's JSON object");
            }
            return new SafetensorsHeader(fileSize, headerLength, tensors, metadata);
        } catch (JsonProcessingException e) {
            throw new HeaderException("has a header that is not valid JSON: " + Json.describe(e));
        } catch (IOException e) {
            throw new HeaderException("has a header that could not be parsed: " + e.getMessage());
        }
    }

    private static void readMetadata(JsonParser parser, Map<String, String> into) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new HeaderException("has a __metadata__ entry that is not an object of strings");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                throw new HeaderException("has a __metadata__ value " + Sentences.quote(key) + " that is not a string");
            }
            into.put(key, parser.getText());
        }
    }

    private static TensorInfo tensor(JsonParser parser, String name) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new HeaderException("declares tensor " + Sentences.quote(name)
                    + " as something other than an object");
        }
        String dtype = null;
        List<Long> shape = null;
        List<Long> offsets = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (key) {
                case "dtype" -> {
                    parser.skipChildren();
                    dtype = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                case "shape" -> shape = integers(parser, name, key);
                case "data_offsets" -> offsets = integers(parser, name, key);
                default -> parser.skipChildren();
            }
        }
        if (dtype == null) {
            throw new HeaderException("declares tensor " + Sentences.quote(name) + " without a dtype string");
        }
        if (shape == null || offsets == null) {
            throw new HeaderException("declares tensor " + Sentences.quote(name) + " without a "
                    + (shape == null ? "shape" : "data_offsets") + " array");
        }
        if (offsets.size() != 2) {
            throw new HeaderException("declares tensor " + Sentences.quote(name) + " with " + offsets.size()
                    + " data_offsets instead of [begin, end]");
        }
        return new TensorInfo(name, dtype, shape, offsets.get(0), offsets.get(1));
    }

    private static List<Long> integers(JsonParser parser, String tensor, String key) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new HeaderException("declares tensor " + Sentences.quote(tensor) + " without a " + key + " array");
        }
        List<Long> values = new ArrayList<>(4);
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw new HeaderException("declares tensor " + Sentences.quote(tensor) + " with a " + key
                        + " entry that is not a 64-bit integer: " + Sentences.quote(parser.getText()));
            }
            values.add(parser.getLongValue());
        }
        return values;
    }
}
