package dev.storycore.generation.memory;

import dev.storycore.generation.hardware.GpuPresets;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.request.GenerationRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Decides before the first attempt whether a request fits a GPU, and if not, the cheapest sequence of
 * changes that does: VAE tiling, text encoder on the CPU, FP8 weights, model offload, sequential
 * offload (memory settings, dropped again when not needed), then fewer frames (at most halving the
 * clip), lower resolution (down to a 320-pixel short side), and last a lighter model that supports the
 * workflow, same family first. When nothing fits, the plan names the smallest preset GPU on which the
 * original fits with memory settings alone.
 *
 * <p>The plan aims below the GPU's capacity minus a headroom of {@value #HEADROOM_PERCENT} % (at least
 * 0.5 GB): the allocator fragments, the display and other processes hold memory, and an estimate is an
 * estimate. Thread-safe; each call works on its own state.
 */
public final class PreflightPlanner {

    /** Headroom kept free, as a percentage of capacity. */
    public static final int HEADROOM_PERCENT = 5;
    /** The least headroom kept free. */
    public static final long MIN_HEADROOM_BYTES = GpuProfile.GIB / 2;

    private final ModelRegistry models;

    /**
     * Creates a planner.
     *
     * @param models where request model ids and lighter alternatives are found
     */
    public PreflightPlanner(ModelRegistry models) {
        this.models = Objects.requireNonNull(models, "models");
    }

    /**
     * The memory a plan may use on a GPU of this capacity.
     *
     * @param capacityBytes total memory
     * @return capacity minus headroom, never negative
     */
    public static long usableBytes(long capacityBytes) {
        long headroom = Math.max(MIN_HEADROOM_BYTES, capacityBytes * HEADROOM_PERCENT / 100);
        return Math.max(0, capacityBytes - headroom);
    }

    /**
     * Plans a request for a GPU, trusting the estimator.
     *
     * @param request the request, already validated
     * @param gpu     the GPU
     * @return the plan
     * @throws dev.storycore.generation.GenerationException if the request names an unknown model
     */
    public Plan plan(GenerationRequest request, GpuProfile gpu) {
        return plan(request, gpu.vramBytes(), 1.0);
    }

    /**
     * Plans a request for a memory capacity, with estimates multiplied by {@code correction} (more than 1
     * after an out-of-memory error showed the estimate was low).
     *
     * @param request       the request, already validated
     * @param capacityBytes the GPU memory
     * @param correction    the factor, at least 1
     * @return the plan
     * @throws IllegalArgumentException if the correction is below 1 or not a number, or the request has a
     *                                  size, frame count or batch below 1 (validate it first)
     * @throws dev.storycore.generation.GenerationException if the request names an unknown model
     */
    public Plan plan(GenerationRequest request, long capacityBytes, double correction) {
        Objects.requireNonNull(request, "request");
        if (!(correction >= 1.0) || Double.isInfinite(correction)) {
            throw new IllegalArgumentException("correction must be a finite number >= 1, was " + correction);
        }
        ModelSpec model = models.require(request.modelId());
        long usable = usableBytes(capacityBytes);
        var search = new PreflightSearch(model, usable, correction);
        long initial = search.peak(request);
        var attempt = search.run(request, true);
        if (attempt.fits()) {
            return plan(request, capacityBytes, usable, initial, steps(search, request, attempt.changes(), List.of()),
                    attempt.result(), search.peak(attempt.result()), "");
        }
        for (ModelSpec lighter : lighterModels(model, request)) {
            GenerationRequest switched = FitSearch.retarget(request, lighter);
            var other = new PreflightSearch(lighter, usable, correction);
            var found = other.run(switched, true);
            if (found.fits()) {
                var first = new PlanStep(PlanAction.LIGHTER_MODEL, RequestDiff.describe(request, switched),
                        other.peak(switched));
                return plan(request, capacityBytes, usable, initial,
                        steps(other, switched, found.changes(), List.of(first)), found.result(),
                        other.peak(found.result()), "");
            }
        }
        String gpu = smallestFittingGpu(model, request, correction);
        return plan(request, capacityBytes, usable, initial, steps(search, request, attempt.changes(), List.of()),
                attempt.result(), search.peak(attempt.result()), gpu);
    }

    private static Plan plan(GenerationRequest original, long capacity, long usable, long initial, List<PlanStep> steps,
            GenerationRequest result, long finalPeak, String smallestGpu) {
        boolean fits = finalPeak <= usable;
        return new Plan(original, result, capacity, usable, initial, finalPeak, steps, fits,
                fits ? "" : smallestGpu, PlanMessages.describe(original, steps, fits, finalPeak, usable, smallestGpu));
    }

    private static List<PlanStep> steps(PreflightSearch search, GenerationRequest start,
            List<PreflightSearch.Change> changes, List<PlanStep> before) {
        var steps = new ArrayList<>(before);
        GenerationRequest current = start;
        for (var change : changes) {
            GenerationRequest next = change.apply().apply(current);
            steps.add(new PlanStep(change.action(), RequestDiff.describe(current, next), search.peak(next)));
            current = next;
        }
        return steps;
    }

    private List<ModelSpec> lighterModels(ModelSpec model, GenerationRequest request) {
        Comparator<ModelSpec> sameFamilyFirst = Comparator.comparing((ModelSpec m) -> m.family() != model.family());
        return models.supporting(request.workflow()).stream()
                .filter(m -> m.activeParametersBillions() < model.activeParametersBillions())
                .sorted(sameFamilyFirst.thenComparing(ModelSpec::activeParametersBillions, Comparator.reverseOrder()))
                .toList();
    }

    private static String smallestFittingGpu(ModelSpec model, GenerationRequest request, double correction) {
        for (GpuProfile gpu : GpuPresets.all()) {
            var search = new PreflightSearch(model, usableBytes(gpu.vramBytes()), correction);
            if (search.run(request, false).fits()) {
                return gpu.name() + " (" + gpu.id() + ", " + GpuProfile.formatGb(gpu.vramGb()) + " GB)";
            }
        }
        return "";
    }
}
