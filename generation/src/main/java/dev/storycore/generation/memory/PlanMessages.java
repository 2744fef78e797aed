package dev.storycore.generation.memory;

import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.request.GenerationRequest;
import java.util.List;

/** The one-line summaries of plans. */
final class PlanMessages {

    private PlanMessages() {
    }

    static String describe(GenerationRequest original, List<PlanStep> steps, boolean fits, long finalPeak,
            long usable, String smallestGpu) {
        String numbers = gb(finalPeak) + " GB of " + gb(usable) + " GB usable";
        if (fits && steps.isEmpty()) {
            return "fits as is: " + numbers;
        }
        String changes = String.join(", ", steps.stream().map(PlanStep::detail).toList());
        if (fits) {
            return "fits after " + steps.size() + (steps.size() == 1 ? " change" : " changes") + " (" + changes
                    + "): " + numbers;
        }
        String where = smallestGpu.isEmpty() ? "no preset GPU is large enough"
                : "the smallest preset GPU that fits it with memory settings alone is " + smallestGpu;
        return "cannot fit " + original.summary() + ": still " + numbers + " after " + changes + "; " + where;
    }

    private static String gb(long bytes) {
        return GpuProfile.formatGb(GpuProfile.gigabytes(bytes));
    }
}
