package dev.storycore.generation.fallback;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes real safetensors files for tests: the 8-byte little-endian length, a JSON header, then the
 * tensor data. Offsets are laid out contiguously in insertion order unless given explicitly, which is
 * how broken variants are made. Element sizes are its own table, independent of the code under test.
 */
final class SafetensorsWriter {

    private static final Map<String, Integer> BYTES = Map.ofEntries(
            Map.entry("F64", 8), Map.entry("F32", 4), Map.entry("F16", 2), Map.entry("BF16", 2),
            Map.entry("I64", 8), Map.entry("I32", 4), Map.entry("I16", 2), Map.entry("I8", 1),
            Map.entry("U8", 1), Map.entry("BOOL", 1), Map.entry("F8_E4M3", 1), Map.entry("F8_E5M2", 1));

    private record Entry(String name, String dtype, long[] shape, long begin, long end) {
    }

    private final List<Entry> tensors = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private long nextOffset;
    private int padTo;

    static SafetensorsWriter create() {
        return new SafetensorsWriter();
    }

    static int bytesOf(String dtype) {
        return BYTES.getOrDefault(dtype, 1);
    }

    /** A tensor placed right after the previous one, sized from its shape and dtype. */
    SafetensorsWriter tensor(String name, String dtype, long... shape) {
        long elements = 1;
        for (long dimension : shape) {
            elements *= dimension;
        }
        long size = elements * bytesOf(dtype);
        return tensorAt(name, dtype, shape, nextOffset, nextOffset + size);
    }

    /** A tensor with explicit offsets, consistent or not. */
    SafetensorsWriter tensorAt(String name, String dtype, long[] shape, long begin, long end) {
        tensors.add(new Entry(name, dtype, shape.clone(), begin, end));
        nextOffset = Math.max(nextOffset, end);
        return this;
    }

    SafetensorsWriter metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    /** Pads the header with spaces to exactly this many bytes, as real writers pad for alignment. */
    SafetensorsWriter padHeaderTo(int length) {
        this.padTo = length;
        return this;
    }

    /** The data region's size: the largest end offset. */
    long dataBytes() {
        return tensors.stream().mapToLong(Entry::end).max().orElse(0);
    }

    String headerJson() {
        StringBuilder json = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            json.append("\"__metadata__\":{");
            List<String> pairs = new ArrayList<>();
            metadata.forEach((key, value) -> pairs.add(quote(key) + ":" + quote(value)));
            json.append(String.join(",", pairs)).append("}");
        }
        for (Entry tensor : tensors) {
            if (json.length() > 1) {
                json.append(',');
            }
            List<String> dims = new ArrayList<>();
            for (long dimension : tensor.shape()) {
                dims.add(Long.toString(dimension));
            }
            json.append(quote(tensor.name())).append(":{\"dtype\":").append(quote(tensor.dtype()))
                    .append(",\"shape\":[").append(String.join(",", dims)).append("],\"data_offsets\":[")
                    .append(tensor.begin()).append(',').append(tensor.end()).append("]}");
        }
        json.append('}');
        while (json.length() < padTo) {
            json.append(' ');
        }
        return json.toString();
    }

    byte[] headerBytes() {
        return headerJson().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the whole file, the data filled with a byte pattern. */
    Path write(Path file) throws IOException {
        byte[] header = headerBytes();
        byte[] data = new byte[Math.toIntExact(dataBytes())];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        return writeRaw(file, concat(prefix(header.length), header, data));
    }

    /** Writes the prefix and header, then extends the file to {@code totalLength} without writing data. */
    Path writeSparse(Path file, long totalLength) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] header = headerBytes();
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(prefix(header.length));
            out.write(header);
            out.setLength(totalLength);
        }
        return file;
    }

    /** The file's bytes with only the first {@code keep} of them. */
    Path writeTruncated(Path file, long keep) throws IOException {
        write(file);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(keep);
        }
        return file;
    }

    static Path writeRaw(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, bytes);
    }

    static byte[] prefix(long headerLength) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(headerLength).array();
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer all = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
