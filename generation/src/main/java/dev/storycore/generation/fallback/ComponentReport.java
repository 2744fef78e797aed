package dev.storycore.generation.fallback;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one component of a model folder looks like: a diffusers subfolder such as {@code vae}, or one
 * file of a ComfyUI folder. Counts are summed over its weight files' headers.
 *
 * @param name                 the component, e.g. {@code transformer_2} or {@code vae/wan_2.1_vae.safetensors}
 * @param status               OK, or the worst finding
 * @param problems             sentences, empty when OK (at most 20, then one counting the rest)
 * @param bytes                the weight files' size on disk
 * @param parameters           elements over all tensors
 * @param tensorCount          tensors over all weight files
 * @param dtypes               dtype name to tensor count
 * @param estimatedMemoryBytes memory the weights take loaded at their stored precision: declared tensor
 *                             data, or the file size where no header was read; 0 for a tokenizer or
 *                             scheduler
 * @param files                the weight files, in the order checked
 */
public record ComponentReport(
        String name,
        ComponentStatus status,
        List<String> problems,
        long bytes,
        long parameters,
        long tensorCount,
        Map<String, Long> dtypes,
        long estimatedMemoryBytes,
        List<WeightFile> files) {

    /** Checks that nothing is null and copies the collections. */
    public ComponentReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        problems = List.copyOf(problems);
        dtypes = Collections.unmodifiableMap(new TreeMap<>(dtypes));
        files = List.copyOf(files);
    }

    /** A component that is not there, or cannot be looked at. */
    static ComponentReport without(String name, ComponentStatus status, String problem) {
        return new ComponentReport(name, status, List.of(problem), 0, 0, 0, Map.of(), 0, List.of());
    }

    /**
     * Sums weight files into a component. A missing file makes the component INCOMPLETE, not MISSING:
     * the component is there, part of it is not.
     *
     * @param own findings about the component itself (config, index), listed first
     */
    static ComponentReport of(String name, Verification own, List<WeightFile> files) {
        Findings findings = new Findings();
        findings.addAll(own.status(), own.problems());
        long bytes = 0;
        long parameters = 0;
        long tensors = 0;
        long memory = 0;
        Map<String, Long> dtypes = new TreeMap<>();
        for (WeightFile file : files) {
            ComponentStatus status = file.status() == ComponentStatus.MISSING ? ComponentStatus.INCOMPLETE
                    : file.status();
            findings.addAll(status, file.problems());
            bytes = SafetensorsHeader.saturatedAdd(bytes, file.bytes());
            parameters = SafetensorsHeader.saturatedAdd(parameters, file.parameters());
            tensors = SafetensorsHeader.saturatedAdd(tensors, file.tensorCount());
            memory = SafetensorsHeader.saturatedAdd(memory, file.estimatedMemoryBytes());
            file.dtypes().forEach((dtype, count) -> dtypes.merge(dtype, count, Long::sum));
        }
        return new ComponentReport(name, findings.status(), findings.problems(), bytes, parameters, tensors, dtypes,
                memory, files);
    }
}
