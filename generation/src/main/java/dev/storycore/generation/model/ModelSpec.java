package dev.storycore.generation.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What StoryCore knows about one video model: what it makes, at which sizes and frame counts, how
 * large it is, and what its authors published about its memory use. Immutable; build one with
 * {@link #builder(String)} or load it from JSON through {@link ModelRegistry}.
 *
 * @param id                       stable lowercase id, e.g. {@code wan2.1-t2v-1.3b}
 * @param name                     display name, e.g. {@code Wan2.1 T2V-1.3B}
 * @param family                   the family
 * @param variant                  the variant within the family, e.g. {@code T2V 1.3B}
 * @param workflows                workflows the model supports, never empty
 * @param parametersBillions       diffusion parameters in billions, all experts together
 * @param activeParametersBillions diffusion parameters used per step (one expert of a mixture)
 * @param nativeSizes              sizes the model was trained for, preferred first; never empty
 * @param fps                      native frame rate
 * @param frameRule                valid frame counts, {@code 4k+1} for every built-in
 * @param sizeMultiple             width and height must be multiples of this (16; 32 for TI2V-5B)
 * @param maxFrames                the longest clip the model supports; follows the frame rule
 * @param defaultFrames            frames used when a request does not say
 * @param defaultSteps             sampling steps used when a request does not say
 * @param defaultCfg               guidance scale used when a request does not say
 * @param latent                   how the VAE and transformer turn pixels into tokens
 * @param memory                   per-model constants of the VRAM estimator
 * @param components               the parts the model is made of
 * @param memoryFigures            published memory figures with their sources
 */
public record ModelSpec(
        String id,
        String name,
        ModelFamily family,
        String variant,
        Set<Workflow> workflows,
        double parametersBillions,
        double activeParametersBillions,
        List<FrameSize> nativeSizes,
        int fps,
        FrameRule frameRule,
        int sizeMultiple,
        int maxFrames,
        int defaultFrames,
        int defaultSteps,
        double defaultCfg,
        LatentGeometry latent,
        MemoryProfile memory,
        List<ModelComponent> components,
        List<MemoryFigure> memoryFigures) {

    /**
     * Checks every value and copies the collections.
     *
     * @throws IllegalArgumentException naming the first bad parameter
     */
    public ModelSpec {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("id must be lowercase letters, digits, '.', '_' or '-', was '"
                    + id + "'");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(variant, "variant");
        workflows = Set.copyOf(workflows);
        require(!workflows.isEmpty(), "workflows must not be empty");
        require(parametersBillions > 0 && Double.isFinite(parametersBillions),
                "parametersBillions must be a finite number > 0, was " + parametersBillions);
        require(activeParametersBillions > 0 && activeParametersBillions <= parametersBillions,
                "activeParametersBillions must be in (0, parametersBillions], was " + activeParametersBillions);
        nativeSizes = List.copyOf(nativeSizes);
        require(!nativeSizes.isEmpty(), "nativeSizes must not be empty");
        require(fps >= 1, "fps must be at least 1, was " + fps);
        Objects.requireNonNull(frameRule, "frameRule");
        require(sizeMultiple >= 1, "sizeMultiple must be at least 1, was " + sizeMultiple);
        for (FrameSize size : nativeSizes) {
            require(size.width() % sizeMultiple == 0 && size.height() % sizeMultiple == 0,
                    "native size " + size + " is not a multiple of sizeMultiple " + sizeMultiple);
        }
        require(frameRule.accepts(maxFrames), "maxFrames " + maxFrames + " does not follow frameRule " + frameRule);
        require(frameRule.accepts(defaultFrames) && defaultFrames <= maxFrames,
                "defaultFrames " + defaultFrames + " must follow frameRule " + frameRule + " and not exceed maxFrames");
        require(defaultSteps >= 1, "defaultSteps must be at least 1, was " + defaultSteps);
        require(defaultCfg >= 0 && Double.isFinite(defaultCfg), "defaultCfg must be a finite number >= 0");
        Objects.requireNonNull(latent, "latent");
        Objects.requireNonNull(memory, "memory");
        components = List.copyOf(components);
        memoryFigures = List.copyOf(memoryFigures);
    }

    /**
     * Starts a builder with the given id and Wan-like defaults (see {@link ModelSpecBuilder}).
     *
     * @param id the model id
     * @return a new builder
     */
    public static ModelSpecBuilder builder(String id) {
        return new ModelSpecBuilder(id);
    }

    /**
     * A builder holding this spec's values, to derive a variant.
     *
     * @return a new builder
     */
    public ModelSpecBuilder toBuilder() {
        return ModelSpecBuilder.from(this);
    }

    /**
     * Whether the model can run a workflow.
     *
     * @param workflow the workflow
     * @return {@code true} if supported
     */
    public boolean supports(Workflow workflow) {
        return workflows.contains(workflow);
    }

    /**
     * The size the model prefers, the first native size.
     *
     * @return the default size
     */
    public FrameSize defaultSize() {
        return nativeSizes.get(0);
    }

    /**
     * Total parameters of the components with a role, in billions.
     *
     * @param role the role
     * @return the sum, 0 if the model has no such component
     */
    public double parametersOf(ComponentRole role) {
        return components.stream().filter(c -> c.role() == role).mapToDouble(ModelComponent::parametersBillions).sum();
    }

    /**
     * Whether the diffusion model is a mixture of experts that swaps experts during sampling.
     *
     * @return {@code true} for Wan2.2 A14B
     */
    public boolean mixtureOfExperts() {
        return activeParametersBillions < parametersBillions;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
