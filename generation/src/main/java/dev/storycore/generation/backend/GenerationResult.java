package dev.storycore.generation.backend;

import dev.storycore.generation.request.GenerationRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a backend produced for a job.
 *
 * @param jobId      the job
 * @param backend    the backend's name
 * @param request    the parameters actually used
 * @param outputs    the files written, main video first
 * @param preview    whether the video was written at a reduced preview scale
 * @param wallTime   how long the job took on the backend's clock (virtual for the simulator)
 * @param gpuSeconds GPU time spent, zero for the CPU tier
 * @param notes      anything the backend wants the report to say, e.g. "simulated output"
 */
public record GenerationResult(
        String jobId,
        String backend,
        GenerationRequest request,
        List<Path> outputs,
        boolean preview,
        Duration wallTime,
        double gpuSeconds,
        List<String> notes) {

    /** Checks that nothing is null and copies the lists. */
    public GenerationResult {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(request, "request");
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(wallTime, "wallTime");
        if (gpuSeconds < 0 || Double.isNaN(gpuSeconds)) {
            throw new IllegalArgumentException("gpuSeconds must not be negative, was " + gpuSeconds);
        }
        notes = List.copyOf(notes);
    }
}
