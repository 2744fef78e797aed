package dev.storycore.generation.recovery;

import dev.storycore.generation.GenerationException;
import dev.storycore.generation.errors.ErrorDetails;
import dev.storycore.generation.errors.GenerationError;
import dev.storycore.generation.errors.GenerationErrorCategory;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.memory.VramEstimator;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.request.GenerationRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Ranks the recovery actions for a classified error, the request that failed and the GPU it ran on.
 *
 * <p>After an out-of-memory error the planner reads the numbers the classifier parsed. The job needed
 * at least what it held plus the failed allocation ({@code allocated + requested}, or
 * {@code capacity − free + requested}); if the estimator predicted less, every estimate is scaled by
 * that ratio (and 5 % more, since the failed allocation is rarely the last), so "fit frames to memory"
 * cuts as far as the real job needs rather than as far as the estimate thought. Memory other processes
 * held ({@code capacity − free − allocated}) is taken off the budget and makes freeing memory likelier to
 * help. The failing node steers too: an OOM in a VAE decode node favours tiling, one in a text encoder
 * favours moving it to the CPU.
 *
 * <p>Request actions that change nothing are left out; for memory errors, so are those that do not lower
 * the estimate unless the failing node points at them. Thread-safe.
 */
public final class RecoveryPlanner {

    /** Margin on an OOM's observed demand: the failed allocation is rarely the job's last. */
    public static final double OBSERVED_DEMAND_MARGIN = 1.05;

    private final ModelRegistry models;
    private final VramEstimator estimator = new VramEstimator();

    /**
     * Creates a planner.
     *
     * @param models where the request's model and alternatives are found
     */
    public RecoveryPlanner(ModelRegistry models) {
        this.models = Objects.requireNonNull(models, "models");
    }

    /**
     * Ranks the actions for an error, best first.
     *
     * @param error   the classified error
     * @param request the request that failed
     * @param gpu     the GPU it ran on
     * @return the options, best first; never empty for a known category (human actions remain)
     */
    public List<RecoveryOption> plan(GenerationError error, GenerationRequest request, GpuProfile gpu) {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(request, "request");
        RecoveryContext context = contextFor(error, request, gpu);
        var scoring = new RecoveryScoring(error, request, context, estimator);
        var options = new ArrayList<RecoveryOption>();
        for (RecoveryAction action : RecoveryAction.values()) {
            if (action.addresses(error.category())) {
                scoring.score(action).ifPresent(options::add);
            }
        }
        options.sort(Comparator.comparingDouble(RecoveryOption::score).reversed()
                .thenComparing(option -> option.action().ordinal()));
        return List.copyOf(options);
    }

    /**
     * The context the actions see: the memory this job can have and the estimate correction.
     *
     * @param error   the classified error
     * @param request the request that failed
     * @param gpu     the GPU it ran on
     * @return the context
     */
    public RecoveryContext contextFor(GenerationError error, GenerationRequest request, GpuProfile gpu) {
        Objects.requireNonNull(gpu, "gpu");
        ErrorDetails details = error.details();
        long capacity = details.capacityBytes() > 0 ? details.capacityBytes() : gpu.vramBytes();
        long available = Math.max(capacity / 4, capacity - foreignBytes(details));
        double correction = 1.0;
        if (error.category() == GenerationErrorCategory.MEMORY_MANAGEMENT) {
            correction = estimateOf(request).map(e -> correction(details, e, capacity)).orElse(1.0);
        }
        return new RecoveryContext(models, gpu, available, correction);
    }

    /**
     * How far an OOM proved the estimate low: observed demand × {@value #OBSERVED_DEMAND_MARGIN} over the
     * estimate, at least 1. Observed demand is {@code allocated + requested} when both are known, else
     * {@code capacity − free + requested}, else the capacity itself (the job did not fit in it).
     *
     * @param details       the parsed numbers
     * @param estimateBytes the estimator's peak for the failed request
     * @param capacityBytes the device capacity
     * @return the factor, at least 1
     */
    public static double correction(ErrorDetails details, long estimateBytes, long capacityBytes) {
        long observed;
        if (details.requestedBytes() > 0 && details.allocatedBytes() > 0) {
            observed = details.allocatedBytes() + details.requestedBytes();
        } else if (details.requestedBytes() > 0) {
            observed = Math.max(0, capacityBytes - details.freeBytes()) + details.requestedBytes();
        } else {
            observed = capacityBytes;
        }
        return Math.max(1.0, observed * OBSERVED_DEMAND_MARGIN / Math.max(1, estimateBytes));
    }

    /**
     * Memory held outside this job when the report says: capacity − free − allocated, less the CUDA
     * context the estimator already counts; 0 when the report lacks a number.
     *
     * @param details the parsed numbers
     * @return the bytes
     */
    public static long foreignBytes(ErrorDetails details) {
        if (details.capacityBytes() <= 0 || details.allocatedBytes() <= 0) {
            return 0;
        }
        long outside = details.capacityBytes() - details.freeBytes() - details.allocatedBytes();
        return Math.max(0, outside - VramEstimator.RUNTIME_OVERHEAD_BYTES);
    }

    private Optional<Long> estimateOf(GenerationRequest request) {
        Optional<ModelSpec> model = models.find(request.modelId());
        try {
            return model.map(m -> estimator.estimate(m, request).peakBytes());
        } catch (IllegalArgumentException | GenerationException e) {
            return Optional.empty();
        }
    }
}
