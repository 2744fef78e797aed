package dev.storycore.generation.workflow;

import dev.storycore.generation.request.GenerationRequest;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One shot for a {@link ResilientVideoGenerator}.
 *
 * @param shotId    the storyboard's id for the shot, used in job ids, file names and reports
 * @param request   what the storyboard asked for; the generator validates it
 * @param outputDir where the backends write this shot's files
 */
public record ShotRequest(String shotId, GenerationRequest request, Path outputDir) {

    /** Checks that nothing is null or blank. */
    public ShotRequest {
        Objects.requireNonNull(shotId, "shotId");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(outputDir, "outputDir");
        if (shotId.isBlank()) {
            throw new IllegalArgumentException("shotId must not be blank");
        }
    }
}
