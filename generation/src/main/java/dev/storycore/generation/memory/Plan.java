package dev.storycore.generation.memory;

import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.request.GenerationRequest;
import java.util.List;
import java.util.Objects;

/**
 * What pre-flight decided for a request on a GPU.
 *
 * @param original           the request as given
 * @param finalRequest       the request after every step; the original when it fits as is
 * @param capacityBytes      the GPU's memory
 * @param usableBytes        the memory the plan aims below (capacity minus headroom)
 * @param initialPeakBytes   the estimated peak of the original
 * @param finalPeakBytes     the estimated peak of the final request
 * @param steps              the changes, cheapest first; empty when the original fits
 * @param fits               whether the final request fits
 * @param smallestFittingGpu when it does not fit: the smallest preset GPU on which the original fits with
 *                           memory settings alone (no cuts); empty when it fits or no preset is big enough
 * @param message            one line saying what happened
 */
public record Plan(
        GenerationRequest original,
        GenerationRequest finalRequest,
        long capacityBytes,
        long usableBytes,
        long initialPeakBytes,
        long finalPeakBytes,
        List<PlanStep> steps,
        boolean fits,
        String smallestFittingGpu,
        String message) {

    /** Checks that nothing is null and copies the steps. */
    public Plan {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(finalRequest, "finalRequest");
        steps = List.copyOf(steps);
        Objects.requireNonNull(smallestFittingGpu, "smallestFittingGpu");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Whether the original fits without any change.
     *
     * @return {@code true} if no step was needed
     */
    public boolean fitsAsIs() {
        return fits && steps.isEmpty();
    }

    /**
     * Whether a step makes a cut the viewer sees (fewer frames, lower resolution, another model).
     *
     * @return {@code true} if the plan cuts
     */
    public boolean cuts() {
        return steps.stream().anyMatch(step -> step.action().cut());
    }

    /** @return the initial peak in GB */
    public double initialPeakGb() {
        return GpuProfile.gigabytes(initialPeakBytes);
    }

    /** @return the final peak in GB */
    public double finalPeakGb() {
        return GpuProfile.gigabytes(finalPeakBytes);
    }

    /** @return the usable memory in GB */
    public double usableGb() {
        return GpuProfile.gigabytes(usableBytes);
    }
}
