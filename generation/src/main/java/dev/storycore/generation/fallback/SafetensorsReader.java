package dev.storycore.generation.fallback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads a safetensors header with bounded reads: the 8-byte length prefix, then exactly that many
 * header bytes, never the tensor data. The file is not mapped. Stateless and thread-safe.
 *
 * <p>Implementation notes: the reader only rejects what makes the header unreadable (the
 * {@link SafetensorsFormatException} cases); whether the tensors it declares are consistent with
 * each other and with the file is the {@link SafetensorsVerifier}'s job, so a truncated file still
 * yields its tensor list.
 */
public final class SafetensorsReader {

    private static final String METADATA_KEY = "__metadata__";

    private SafetensorsReader() {
    }

    /**
     * Reads a file's header.
     *
     * @param file a file that should be safetensors
     * @return the header, with the file's size
     * @throws SafetensorsFormatException when the file is too short, declares a header over
     *                                    {@link SafetensorsHeader#MAX_HEADER_BYTES}, is cut off inside
     *                                    its header, or the header is not a JSON object of tensors
     * @throws IOException                when the file cannot be read
     */
    public static SafetensorsHeader read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Path fileName = file.getFileName();
        String name = fileName == null ? file.toString() : fileName.toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long length = headerLength(channel, size, name);
            byte[] header = Json.readFully(channel, SafetensorsHeader.LENGTH_PREFIX_BYTES, (int) length);
            if (header.length < length) {
                throw new SafetensorsFormatException(ComponentStatus.INCOMPLETE, name,
                        "is truncated inside its header: " + length + " header bytes declared, "
                                + header.length + " present");
            }
            try {
                return parse(header, size, length);
            } catch (HeaderException e) {
                throw new SafetensorsFormatException(ComponentStatus.CORRUPT, name, e.getMessage());
            }
        }
    }

    private static long headerLength(FileChannel channel, long size, String name) throws IOException {
        int prefix = SafetensorsHeader.LENGTH_PREFIX_BYTES;
        if (size < prefix + 2) {
            throw new SafetensorsFormatException(ComponentStatus.INCOMPLETE, name, size == 0 ? "is empty"
                    : "is only " + size + " bytes long, too short for a safetensors header");
        }
        ByteBuffer start = ByteBuffer.wrap(Json.readFully(channel, 0, prefix + 1)).order(ByteOrder.LITTLE_ENDIAN);
        long length = start.getLong(0);
        // Compared unsigned: a top bit set means an absurd length, not a negative one.
        if (Long.compareUnsigned(length, SafetensorsHeader.MAX_HEADER_BYTES) > 0) {
            throw new SafetensorsFormatException(ComponentStatus.CORRUPT, name, "declares a header of "
                    + Long.toUnsignedString(length) + " bytes, over the " + SafetensorsHeader.MAX_HEADER_BYTES
                    + "-byte limit; it is not a safetensors file or its first bytes are damaged");
        }
        if (length < 2) {
            throw new SafetensorsFormatException(ComponentStatus.CORRUPT, name,
                    "declares a header of " + length + " bytes, too short for a JSON object");
        }
        if (start.get(prefix) != '{') {
            throw new SafetensorsFormatException(ComponentStatus.CORRUPT, name,
                    "has a header that does not start with '{'; it is not a safetensors file");
        }
        if (prefix + length > size) {
            throw new SafetensorsFormatException(ComponentStatus.INCOMPLETE, name, "is truncated inside its header: "
                    + length + " header bytes declared, " + (size - prefix) + " present");
        }
        return length;
    }

    private static SafetensorsHeader parse(byte[] header, long size, long length) {
        JsonNode root;
        try {
            root = Json.parse(header, header.length);
        } catch (JsonProcessingException e) {
            throw corrupt("has a header that is not valid JSON: " + Json.describe(e));
        } catch (IOException e) {
            throw corrupt("has a header that could not be parsed: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw corrupt("has a header that is not a JSON object");
        }
        List<TensorInfo> tensors = new ArrayList<>(root.size());
        Map<String, String> metadata = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (field.getKey().equals(METADATA_KEY)) {
                readMetadata(field.getValue(), metadata);
            } else {
                tensors.add(tensor(field.getKey(), field.getValue()));
            }
        }
        return new SafetensorsHeader(size, length, tensors, metadata);
    }

    private static void readMetadata(JsonNode node, Map<String, String> into) {
        if (!node.isObject()) {
            throw corrupt("has a __metadata__ entry that is not an object of strings");
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                throw corrupt("has a __metadata__ value " + Sentences.quote(entry.getKey()) + " that is not a string");
            }
            into.put(entry.getKey(), entry.getValue().textValue());
        }
    }

    private static TensorInfo tensor(String name, JsonNode node) {
        if (!node.isObject()) {
            throw corrupt("declares tensor " + Sentences.quote(name) + " as something other than an object");
        }
        JsonNode dtype = node.get("dtype");
        if (dtype == null || !dtype.isTextual()) {
            throw corrupt("declares tensor " + Sentences.quote(name) + " without a dtype string");
        }
        List<Long> shape = integers(name, "shape", node.get("shape"));
        List<Long> offsets = integers(name, "data_offsets", node.get("data_offsets"));
        if (offsets.size() != 2) {
            throw corrupt("declares tensor " + Sentences.quote(name) + " with " + offsets.size()
                    + " data_offsets instead of [begin, end]");
        }
        return new TensorInfo(name, dtype.textValue(), shape, offsets.get(0), offsets.get(1));
    }

    private static List<Long> integers(String tensor, String key, JsonNode node) {
        if (node == null || !node.isArray()) {
            throw corrupt("declares tensor " + Sentences.quote(tensor) + " without a " + key + " array");
        }
        List<Long> values = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            if (!element.isIntegralNumber() || !element.canConvertToLong()) {
                throw corrupt("declares tensor " + Sentences.quote(tensor) + " with a " + key
                        + " entry that is not a 64-bit integer: " + Sentences.quote(element.toString()));
            }
            values.add(element.longValue());
        }
        return values;
    }

    private static HeaderException corrupt(String detail) {
        return new HeaderException(detail);
    }

    /** A header problem found while parsing; rethrown with the file name. */
    private static final class HeaderException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        HeaderException(String detail) {
            super(detail, null, false, false);
        }
    }
}
