package dev.storycore.generation.workflow;

import dev.storycore.generation.errors.GenerationError;
import dev.storycore.generation.errors.GenerationErrorCategory;
import dev.storycore.resilience.Disposition;
import dev.storycore.resilience.Severity;
import java.util.Objects;

/**
 * One failed attempt of a shot, as classified.
 *
 * @param tier        the tier the attempt ran in
 * @param attempt     the attempt's number within the shot, from 1
 * @param backend     the backend's name
 * @param category    the generation error category
 * @param disposition what the classifier said to do
 * @param severity    how bad it was
 * @param code        the stable code, see docs/errors.md
 * @param message     the classifier's one-line message
 * @param gpuSeconds  GPU time the failed attempt burned
 */
public record ShotError(
        Tier tier,
        int attempt,
        String backend,
        GenerationErrorCategory category,
        Disposition disposition,
        Severity severity,
        String code,
        String message,
        double gpuSeconds) {

    /** Checks that nothing is null. */
    public ShotError {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Makes the record from a classified error.
     *
     * @param tier       the tier
     * @param attempt    the attempt number
     * @param backend    the backend's name
     * @param error      the classified error
     * @param gpuSeconds GPU time burned
     * @return the record
     */
    public static ShotError of(Tier tier, int attempt, String backend, GenerationError error, double gpuSeconds) {
        return new ShotError(tier, attempt, backend, error.category(), error.disposition(), error.severity(),
                error.code(), error.message(), gpuSeconds);
    }
}
