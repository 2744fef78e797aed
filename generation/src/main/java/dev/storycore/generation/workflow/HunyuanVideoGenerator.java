package dev.storycore.generation.workflow;

import dev.storycore.generation.backend.GenerationBackend;
import dev.storycore.generation.model.ModelFamily;
import java.time.Duration;
import java.util.Set;
import dev.storycore.resilience.Backoff;

/**
 * The resilient generator configured for HunyuanVideo (T2V and I2V, 13B): the seed design's
 * ResilientHunyuanVideoIntegration. HunyuanVideo jobs are long (129 frames at 720p), so transient
 * errors wait a little longer between attempts (5 s × 2 up to 60 s); when a tier must change the model
 * it prefers another HunyuanVideo model, then the lightest model of any family for the workflow.
 */
public final class HunyuanVideoGenerator {

    /** The generator's default name. */
    public static final String NAME = "hunyuan";

    private HunyuanVideoGenerator() {
    }

    /**
     * The HunyuanVideo settings on top of the given ones: name, family preference and backoff.
     *
     * @param base settings to start from (models, GPU, clock, analytics …)
     * @return the settings
     */
    public static GeneratorConfig configure(GeneratorConfig base) {
        return base.toBuilder().name(NAME).preferredFamilies(Set.of(ModelFamily.HUNYUAN))
                .backoff(Backoff.exponential(Duration.ofSeconds(5), 2.0, Duration.ofSeconds(60))).build();
    }

    /**
     * A HunyuanVideo generator.
     *
     * @param gpuBackend         the GPU backend
     * @param placeholderBackend the CPU placeholder backend
     * @param base               settings to start from; see {@link #configure}
     * @return the generator
     */
    public static ResilientVideoGenerator create(GenerationBackend gpuBackend, GenerationBackend placeholderBackend,
            GeneratorConfig base) {
        return ResilientVideoGenerator.create(gpuBackend, placeholderBackend, configure(base));
    }
}
