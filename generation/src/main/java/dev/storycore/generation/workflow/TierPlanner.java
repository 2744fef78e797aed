package dev.storycore.generation.workflow;

import dev.storycore.generation.errors.GenerationError;
import dev.storycore.generation.errors.GenerationErrorCategory;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.memory.FitSearch;
import dev.storycore.generation.memory.Plan;
import dev.storycore.generation.memory.PlanStep;
import dev.storycore.generation.memory.PreflightPlanner;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.resilience.Disposition;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Decides what each tier submits: the tier's request shape, a model swap away from models that proved
 * broken on the backend, and the pre-flight plan that makes the request fit the GPU. Learns from
 * failures as it goes: a model whose weights are missing or corrupt is quarantined per backend, and an
 * out-of-memory report that proved the estimate low raises that model's estimate correction for every
 * later pre-flight. Thread-safe.
 */
final class TierPlanner {

    /** A learnt correction never grows past this; beyond it the report, not the model, is odd. */
    static final double MAX_CORRECTION = 1.6;

    private final ModelRegistry models;
    private final GpuProfile gpu;
    private final TierRequests shapes;
    private final PreflightPlanner preflight;
    private final ConcurrentMap<String, String> quarantine = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Double> corrections = new ConcurrentHashMap<>();

    TierPlanner(GeneratorConfig config) {
        this.models = config.models();
        this.gpu = config.gpu();
        this.shapes = new TierRequests(models, config.preferredFamilies());
        this.preflight = new PreflightPlanner(models);
    }

    TierRequests shapes() {
        return shapes;
    }

    /**
     * The request a GPU tier submits first.
     *
     * @throws TierSkipped when no usable model is left or nothing fits the GPU
     */
    GenerationRequest forTier(Tier tier, ShotRun run, String backend) {
        GenerationRequest base = run.base();
        GenerationRequest shaped = switch (tier) {
            case PRIMARY, PLACEHOLDER -> base;
            case REDUCED -> shapes.reduced(base);
            case MINIMAL -> shapes.minimal(base, id -> usable(backend, id)).orElseThrow(() ->
                    new TierSkipped("no usable model for " + base.workflow() + " on " + backend));
        };
        if (!tier.gpu()) {
            return shaped;
        }
        run.warnChange(tier.label() + " tier", base, shaped);
        GenerationRequest usable = avoidQuarantined(tier, run, backend, shaped);
        Plan plan = preflight.plan(usable, gpu.vramBytes(), correction(usable.modelId()));
        if (!plan.fits()) {
            throw new TierSkipped(tier.label() + ": " + plan.message());
        }
        for (PlanStep step : plan.steps()) {
            String label = step.action().label();
            run.warn("pre-flight (" + tier.label() + "): "
                    + (label.equalsIgnoreCase(step.detail()) ? label : label + " (" + step.detail() + ")"));
        }
        GenerationRequest planned = plan.finalRequest();
        return usable(backend, planned.modelId()) ? planned : avoidQuarantined(tier, run, backend, planned);
    }

    private GenerationRequest avoidQuarantined(Tier tier, ShotRun run, String backend, GenerationRequest request) {
        String reason = quarantine.get(key(backend, request.modelId()));
        if (reason == null) {
            return request;
        }
        ModelSpec other = shapes.alternative(request, id -> usable(backend, id)).orElseThrow(() ->
                new TierSkipped("model " + request.modelId() + " is unusable on " + backend + " (" + reason
                        + ") and no other model supports " + request.workflow()));
        GenerationRequest moved = FitSearch.retarget(request, other);
        run.warn(tier.label() + " tier: model " + request.modelId() + " is unusable on " + backend + " (" + reason
                + "); using " + other.id());
        return moved;
    }

    /** Learns from a classified failure: quarantines broken models, corrects memory estimates. */
    void learn(GenerationError error, GenerationRequest request, String backend, double correction) {
        if (isModelBroken(error)) {
            quarantine.putIfAbsent(key(backend, request.modelId()), error.code());
        }
        if (error.category() == GenerationErrorCategory.MEMORY_MANAGEMENT && correction > 1.0) {
            corrections.merge(request.modelId(), Math.min(MAX_CORRECTION, correction), Math::max);
        }
    }

    /** Whether the error says the model itself cannot run on the backend, whatever the request. */
    static boolean isModelBroken(GenerationError error) {
        if (error.disposition() != Disposition.DO_NOT_RETRY) {
            return false;
        }
        return switch (error.category()) {
            case MODEL_LOADING, ARCHITECTURE, WEIGHTS_INTEGRITY, WEIGHTS_DOWNLOAD -> true;
            case MEMORY_MANAGEMENT, PARAMETER_VALIDATION, TEMPORAL_PROCESSING, CONDITIONING, INTERRUPTED,
                 BACKEND_UNAVAILABLE, TIMEOUT, HOST_MEMORY, INFERENCE, HARDWARE_OPTIMIZATION, UNKNOWN -> false;
        };
    }

    double correction(String modelId) {
        return corrections.getOrDefault(modelId, 1.0);
    }

    boolean usable(String backend, String modelId) {
        return !quarantine.containsKey(key(backend, modelId));
    }

    int quarantined() {
        return quarantine.size();
    }

    private static String key(String backend, String modelId) {
        return backend + "|" + modelId;
    }
}
