package dev.storycore.generation.fallback;

import java.util.List;
import java.util.Objects;

/**
 * What carrying out a fallback strategy takes. GB are GiB. Immutable.
 *
 * @param peakVramGb the estimated peak GPU memory afterwards; 0 when the model is not in the registry
 * @param budgetGb   the GPU memory it must fit
 * @param fitsBudget whether the estimate fits the budget less pre-flight's headroom
 * @param needs      what else it takes, one sentence each: a replacement file, a download, a slower run
 */
public record ResourceRequirements(double peakVramGb, double budgetGb, boolean fitsBudget, List<String> needs) {

    /** Checks the numbers and copies the needs. */
    public ResourceRequirements {
        if (!(peakVramGb >= 0) || !(budgetGb >= 0)) {
            throw new IllegalArgumentException("peakVramGb and budgetGb must be >= 0");
        }
        needs = List.copyOf(needs);
        needs.forEach(need -> Objects.requireNonNull(need, "need"));
    }
}
