package dev.storycore.generation.fallback;

/**
 * The kinds of fallback after a model pipeline failed, from the narrowest change to the widest.
 */
public enum FallbackStrategyType {
    /** Keep the pipeline and replace only the failing component with a healthy copy from another folder or file. */
    COMPONENT_ISOLATION(false),
    /** Load the same model another way: another usable copy on disk, or the other layout (diffusers, ComfyUI). */
    PIPELINE_SUBSTITUTION(true),
    /** Same model and output, other settings: FP8, offload, VAE tiling, text encoder on the CPU, precision. */
    OPTIMIZATION_FALLBACK(true),
    /** Same model, less asked of it: fewer frames, a lower resolution, no image conditioning, fewer steps. */
    REDUCED_FUNCTIONALITY(true),
    /** Another registry model that supports the workflow and fits the GPU, a usable local copy first. */
    ALTERNATIVE_MODEL(true);

    private final boolean needsModel;

    FallbackStrategyType(boolean needsModel) {
        this.needsModel = needsModel;
    }

    /**
     * Whether the strategy needs to know which registry model failed; component isolation works from
     * file names alone.
     *
     * @return true when a model id is required
     */
    public boolean needsModel() {
        return needsModel;
    }
}
