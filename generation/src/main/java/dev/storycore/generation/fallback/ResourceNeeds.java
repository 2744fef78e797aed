package dev.storycore.generation.fallback;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.memory.Plan;
import dev.storycore.generation.memory.PlanStep;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Offload;
import dev.storycore.generation.request.Precision;
import java.util.List;
import java.util.Objects;

/**
 * What a model needs to run within a VRAM budget: the peak at the settings asked for, the settings
 * pre-flight chose to fit ({@link dev.storycore.generation.memory.PreflightPlanner}, never switching
 * model), and the peak there. GB are GiB. Immutable; the request is kept for callers but left out of
 * JSON, where its settings appear one by one.
 *
 * @param budgetGb         the VRAM budget
 * @param usableGb         the budget less pre-flight's headroom
 * @param nativePeakGb     the estimated peak at the settings asked for (the model's native size and
 *                         frames, BF16, no offload, unless a request said otherwise)
 * @param peakGb           the estimated peak at the chosen settings
 * @param fits             whether the chosen settings fit the usable memory
 * @param fitsAsIs         whether no change was needed
 * @param cuts             whether a change is visible: fewer frames or a lower resolution
 * @param size             the chosen frame size, e.g. {@code 1280x704}
 * @param frames           the chosen frame count
 * @param precision        the chosen weight precision
 * @param offload          the chosen offload
 * @param vaeTiling        whether the VAE decodes in tiles
 * @param textEncoderOnCpu whether the text encoder runs on the CPU
 * @param settings         the changes made, e.g. {@code FP8 weights: precision BF16 -> FP8}
 * @param message          pre-flight's one-line summary
 * @param request          the chosen request; not serialized
 */
public record ResourceNeeds(
        double budgetGb,
        double usableGb,
        double nativePeakGb,
        double peakGb,
        boolean fits,
        boolean fitsAsIs,
        boolean cuts,
        String size,
        int frames,
        Precision precision,
        Offload offload,
        boolean vaeTiling,
        boolean textEncoderOnCpu,
        List<String> settings,
        String message,
        @JsonIgnore GenerationRequest request) {

    /** Checks that nothing is null and copies the settings. */
    public ResourceNeeds {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(offload, "offload");
        settings = List.copyOf(settings);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(request, "request");
    }

    /**
     * The needs a pre-flight plan describes.
     *
     * @param plan the plan, made on a registry holding only the model so that it never switches model
     * @return the needs
     */
    public static ResourceNeeds of(Plan plan) {
        Objects.requireNonNull(plan, "plan");
        GenerationRequest chosen = plan.finalRequest();
        List<String> settings = plan.steps().stream().map(ResourceNeeds::describe).toList();
        return new ResourceNeeds(round(GpuProfile.gigabytes(plan.capacityBytes())), round(plan.usableGb()),
                round(plan.initialPeakGb()), round(plan.finalPeakGb()), plan.fits(), plan.fitsAsIs(), plan.cuts(),
                chosen.size().toString(), chosen.frames(), chosen.precision(), chosen.offload(), chosen.vaeTiling(),
                chosen.textEncoderOnCpu(), settings, plan.message(), chosen);
    }

    /**
     * Whether the chosen settings stream weights layer by layer, several times slower.
     *
     * @return true under sequential offload
     */
    public boolean slow() {
        return offload == Offload.SEQUENTIAL;
    }

    /** GB with two decimals: more would pretend a precision the estimate lacks. */
    static double round(double gigabytes) {
        return Math.round(gigabytes * 100) / 100.0;
    }

    private static String describe(PlanStep step) {
        return step.action().label() + ": " + step.detail();
    }
}
