package dev.storycore.generation.backend;

import dev.storycore.generation.request.GenerationRequest;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One unit of work for a backend.
 *
 * @param jobId     unique per attempt, used for cancel and for output names
 * @param shotId    the storyboard shot this belongs to, for labels and file names
 * @param request   what to generate, already validated
 * @param outputDir where the outputs go; the backend never writes outside it
 */
public record GenerationJob(String jobId, String shotId, GenerationRequest request, Path outputDir) {

    /** Checks that nothing is null or blank. */
    public GenerationJob {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(shotId, "shotId");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(outputDir, "outputDir");
        if (jobId.isBlank()) {
            throw new IllegalArgumentException("jobId must not be blank");
        }
    }
}
