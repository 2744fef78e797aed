package dev.storycore.generation.errors;

import dev.storycore.resilience.Classification;
import dev.storycore.resilience.Disposition;
import dev.storycore.resilience.Severity;
import java.util.List;
import java.util.Objects;

/**
 * A classified generation failure: what kind, what to do, how bad, a stable code (see
 * docs/errors.md), a message naming the model and the numbers, guidance for a person, and the
 * details parsed from the report.
 *
 * @param category    the generation category
 * @param disposition what to do about it
 * @param severity    how bad it is
 * @param code        the stable code, e.g. {@code GPU_OOM}
 * @param message     one sentence with the model and numbers when known
 * @param guidance    what a person can do, one line each
 * @param details     numbers and names read from the report
 */
public record GenerationError(
        GenerationErrorCategory category,
        Disposition disposition,
        Severity severity,
        String code,
        String message,
        List<String> guidance,
        ErrorDetails details) {

    /** Checks that nothing is null and copies the guidance. */
    public GenerationError {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        guidance = List.copyOf(guidance);
        Objects.requireNonNull(details, "details");
    }

    /**
     * This error in the core library's terms, for retry, analytics and recovery procedures.
     *
     * @return the core classification
     */
    public Classification toClassification() {
        return new Classification(category.coreCategory(), severity, disposition, code, message, guidance);
    }
}
