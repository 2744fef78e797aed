package dev.storycore.generation.request;

import java.util.List;
import java.util.Objects;

/**
 * What {@link RequestValidator} made of a request.
 *
 * @param request     the request with every adjustment applied (when problems remain, as far as the
 *                    validator could repair it)
 * @param adjustments the changes made, each with its reason; empty if none were needed
 * @param problems    what could not be repaired; empty if the request is valid
 */
public record ValidationResult(GenerationRequest request, List<Adjustment> adjustments, List<String> problems) {

    /** Checks that nothing is null and copies the lists. */
    public ValidationResult {
        Objects.requireNonNull(request, "request");
        adjustments = List.copyOf(adjustments);
        problems = List.copyOf(problems);
    }

    /**
     * Whether the adjusted request can run.
     *
     * @return {@code true} if there are no problems
     */
    public boolean valid() {
        return problems.isEmpty();
    }

    /**
     * The adjusted request, or an exception listing the problems.
     *
     * @return the adjusted request
     * @throws InvalidRequestException if problems remain
     */
    public GenerationRequest requireValid() {
        if (!valid()) {
            throw new InvalidRequestException(request.modelId(), problems);
        }
        return request;
    }
}
