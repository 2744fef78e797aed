package dev.storycore.generation.workflow;

import dev.storycore.generation.backend.GenerationBackend;
import dev.storycore.generation.model.ModelFamily;
import java.util.Set;

/**
 * The resilient generator configured for Wan 2.1 / 2.2 (1.3B, 5B, 14B, A14B, VACE, Wan-Alpha): the seed
 * design's ResilientWanVideoIntegration. Wan covers every workflow, so when a tier must change the model
 * it prefers another Wan model; the base settings' backoff is kept.
 */
public final class WanVideoGenerator {

    /** The generator's default name. */
    public static final String NAME = "wan";

    private WanVideoGenerator() {
    }

    /**
     * The Wan settings on top of the given ones: name and family preference.
     *
     * @param base settings to start from (models, GPU, clock, analytics …)
     * @return the settings
     */
    public static GeneratorConfig configure(GeneratorConfig base) {
        return base.toBuilder().name(NAME).preferredFamilies(Set.of(ModelFamily.WAN)).build();
    }

    /**
     * A Wan generator.
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
