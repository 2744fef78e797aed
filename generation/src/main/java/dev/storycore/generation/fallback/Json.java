package dev.storycore.generation.fallback;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * JSON reading and writing for this package, with bounded file reads. Thread-safe: the mapper is
 * configured once and never changed.
 */
final class Json {

    /**
     * The largest side file read (model_index.json, config.json, index files): 64 MiB, far above the
     * few megabytes the largest real shard indexes take.
     */
    static final long MAX_JSON_FILE_BYTES = 64L << 20;

    private static final JsonMapper MAPPER = JsonMapper.builder(new JsonFactoryBuilder()
                    // A safetensors header may legally hold one long metadata string.
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength((int) SafetensorsHeader.MAX_HEADER_BYTES).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * For safetensors headers: thousands of distinct tensor names, each seen once, so canonicalising
     * and interning field names would only cost time.
     */
    private static final JsonFactory HEADER_FACTORY = new JsonFactoryBuilder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength((int) SafetensorsHeader.MAX_HEADER_BYTES).build())
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private Json() {
    }

    /** The outcome of reading a JSON side file. */
    sealed interface Read permits Parsed, Failed {
    }

    /** The file parsed. */
    record Parsed(JsonNode node) implements Read {
    }

    /** The file could not be used; {@code problem} is a sentence fragment without the file name. */
    record Failed(ComponentStatus status, String problem) implements Read {
    }

    static JsonNode parse(byte[] bytes, int length) throws IOException {
        return MAPPER.readTree(bytes, 0, length);
    }

    /** A streaming parser for a safetensors header, strict about duplicate keys. */
    static JsonParser headerParser(byte[] bytes) throws IOException {
        return HEADER_FACTORY.createParser(bytes);
    }

    static Read readFile(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > MAX_JSON_FILE_BYTES) {
                return new Failed(ComponentStatus.CORRUPT, "is " + size
                        + " bytes, over the " + MAX_JSON_FILE_BYTES + "-byte limit for JSON files");
            }
            byte[] bytes = readFully(channel, 0, (int) size);
            return new Parsed(parse(bytes, bytes.length));
        } catch (JsonProcessingException e) {
            return new Failed(ComponentStatus.CORRUPT, "is not valid JSON: " + describe(e));
        } catch (IOException e) {
            return new Failed(ComponentStatus.CORRUPT, "could not be read: " + e);
        }
    }

    static String describe(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ").trim();
        JsonLocation where = e.getLocation();
        return where == null ? message
                : message + " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }

    static String toPrettyJson(Object value) {
        try {
            return PRETTY.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report could not be written as JSON", e);
        }
    }

    /** Reads exactly {@code length} bytes at {@code position}, or fewer if the file ends first. */
    static byte[] readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        if (buffer.hasRemaining()) {
            byte[] shorter = new byte[buffer.position()];
            System.arraycopy(buffer.array(), 0, shorter, 0, shorter.length);
            return shorter;
        }
        return buffer.array();
    }
}
