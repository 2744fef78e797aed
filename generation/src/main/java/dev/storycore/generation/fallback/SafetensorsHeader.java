package dev.storycore.generation.fallback;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A safetensors file's header, as read by {@link SafetensorsReader}: the tensors it declares and its
 * {@code __metadata__}, plus the sizes needed to check it against the file. Immutable.
 *
 * @param fileSize     the file's size in bytes when it was read
 * @param headerLength the JSON header's length from the first 8 bytes
 * @param tensors      the tensors in header order
 * @param metadata     the {@code __metadata__} strings, empty when absent
 */
public record SafetensorsHeader(long fileSize, long headerLength, List<TensorInfo> tensors,
                                Map<String, String> metadata) {

    /**
     * The largest header accepted: 100,000,000 bytes, the limit of the format's reference loader. A
     * larger declared length is reported as corrupt without reading it.
     */
    public static final long MAX_HEADER_BYTES = 100_000_000L;

    /** The bytes before the header: its length as a little-endian unsigned 64-bit integer. */
    public static final int LENGTH_PREFIX_BYTES = 8;

    /** Copies the collections and checks that nothing is null. */
    public SafetensorsHeader {
        tensors = List.copyOf(tensors);
        metadata = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(metadata, "metadata")));
    }

    /**
     * How many tensors the header declares.
     *
     * @return the tensor count
     */
    public int tensorCount() {
        return tensors.size();
    }

    /**
     * The total number of elements over tensors with a valid shape.
     *
     * @return the parameter count, saturating at {@link Long#MAX_VALUE}
     */
    public long parameterCount() {
        long total = 0;
        for (TensorInfo tensor : tensors) {
            total = saturatedAdd(total, tensor.elementCount().orElse(0));
        }
        return total;
    }

    /**
     * The size of the data region the header declares: the largest tensor end offset.
     *
     * @return the declared data bytes, 0 without tensors
     */
    public long dataBytes() {
        long max = 0;
        for (TensorInfo tensor : tensors) {
            max = Math.max(max, tensor.end());
        }
        return max;
    }

    /**
     * The size the file must have: length prefix, header and data region.
     *
     * @return the expected file size, saturating at {@link Long#MAX_VALUE}
     */
    public long expectedFileSize() {
        return saturatedAdd(LENGTH_PREFIX_BYTES + headerLength, dataBytes());
    }

    /**
     * How many tensors use each dtype name, sorted by name.
     *
     * @return dtype name to tensor count
     */
    public Map<String, Long> dtypes() {
        Map<String, Long> counts = new TreeMap<>();
        for (TensorInfo tensor : tensors) {
            counts.merge(tensor.dtype(), 1L, Long::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
