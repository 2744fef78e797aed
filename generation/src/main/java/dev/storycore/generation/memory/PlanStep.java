package dev.storycore.generation.memory;

import dev.storycore.generation.hardware.GpuProfile;
import java.util.Objects;

/**
 * One change of a pre-flight plan and the estimated peak once it, and every step before it, is applied.
 *
 * @param action    the change
 * @param detail    what exactly changed, e.g. {@code frames 129 -> 77}
 * @param peakBytes the estimated peak after this step (corrected, when the plan has a correction)
 */
public record PlanStep(PlanAction action, String detail, long peakBytes) {

    /** Checks that nothing is null. */
    public PlanStep {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * The peak after this step in GB.
     *
     * @return the peak
     */
    public double peakGb() {
        return GpuProfile.gigabytes(peakBytes);
    }
}
