package dev.storycore.generation.recovery;

import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.memory.PreflightPlanner;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.request.GenerationRequest;
import java.util.Objects;

/**
 * What recovery actions may look at besides the request: the models, the GPU, the memory the job can
 * really have, and how far the estimator proved low.
 *
 * @param models        where models and alternatives are found
 * @param gpu           the GPU the job ran on
 * @param capacityBytes the memory available to this job: the reported capacity minus memory other
 *                      processes held, when the error report said
 * @param correction    factor on every estimate, at least 1 (see {@link RecoveryPlanner#correction})
 */
public record RecoveryContext(ModelRegistry models, GpuProfile gpu, long capacityBytes, double correction) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if the capacity is not positive or the correction below 1
     */
    public RecoveryContext {
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(gpu, "gpu");
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("capacityBytes must be positive, was " + capacityBytes);
        }
        if (!(correction >= 1.0) || Double.isInfinite(correction)) {
            throw new IllegalArgumentException("correction must be a finite number >= 1, was " + correction);
        }
    }

    /**
     * A context that trusts the estimator and the GPU's full memory.
     *
     * @param models the models
     * @param gpu    the GPU
     * @return the context
     */
    public static RecoveryContext of(ModelRegistry models, GpuProfile gpu) {
        return new RecoveryContext(models, gpu, gpu.vramBytes(), 1.0);
    }

    /**
     * The memory a changed request should stay below: capacity minus pre-flight's headroom.
     *
     * @return the budget in bytes
     */
    public long budgetBytes() {
        return PreflightPlanner.usableBytes(capacityBytes);
    }

    /**
     * The model a request names.
     *
     * @param request the request
     * @return the model
     * @throws dev.storycore.generation.GenerationException if the id is unknown
     */
    public ModelSpec modelOf(GenerationRequest request) {
        return models.require(request.modelId());
    }
}
