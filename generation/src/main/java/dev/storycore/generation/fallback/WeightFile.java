package dev.storycore.generation.fallback;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One weight file as analysed. Counts come from the file's header; they are zero when the header
 * could not be read or the format is not inspected (pickle). The tensor list and metadata are kept
 * for matching files to known models but left out of JSON.
 *
 * @param path        the path relative to the analysed folder, with {@code /} separators
 * @param format      what the first bytes say the file is
 * @param status      OK, or what is wrong with it
 * @param problems    sentences naming the file, empty when OK
 * @param bytes       the file's size on disk
 * @param tensorCount tensors declared by its header
 * @param parameters  elements over all tensors
 * @param dataBytes   the tensor data region its header declares
 * @param dtypes      dtype name to tensor count
 * @param tensors     the declared tensors (safetensors only); not serialized
 * @param metadata    the safetensors {@code __metadata__}; not serialized
 */
public record WeightFile(
        String path,
        WeightFormat format,
        ComponentStatus status,
        List<String> problems,
        long bytes,
        long tensorCount,
        long parameters,
        long dataBytes,
        Map<String, Long> dtypes,
        @JsonIgnore List<TensorInfo> tensors,
        @JsonIgnore Map<String, String> metadata) {

    /** Checks that nothing is null and copies the collections. */
    public WeightFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(status, "status");
        problems = List.copyOf(problems);
        dtypes = Collections.unmodifiableMap(new TreeMap<>(dtypes));
        tensors = List.copyOf(tensors);
        metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
    }

    /** A file whose header was read. */
    static WeightFile ofHeader(String path, SafetensorsHeader header, Verification verification) {
        return new WeightFile(path, WeightFormat.SAFETENSORS, verification.status(), verification.problems(),
                header.fileSize(), header.tensorCount(), header.parameterCount(), header.dataBytes(),
                header.dtypes(), header.tensors(), header.metadata());
    }

    /** A file known only by its size, format and one finding. */
    static WeightFile ofProblem(String path, WeightFormat format, ComponentStatus status, long bytes,
                                String problem) {
        return new WeightFile(path, format, status, List.of(problem), bytes, 0, 0, 0, Map.of(), List.of(),
                Map.of());
    }

    /**
     * The bytes the weights take once loaded at their stored precision: the declared tensor data, or
     * the file size when the header was not read.
     *
     * @return estimated memory in bytes
     */
    public long estimatedMemoryBytes() {
        return dataBytes > 0 ? dataBytes : bytes;
    }
}
