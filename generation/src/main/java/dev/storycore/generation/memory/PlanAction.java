package dev.storycore.generation.memory;

/**
 * The changes pre-flight may make, in the order it tries them: first those that cost time but no
 * quality, then FP8, then cuts the viewer sees.
 */
public enum PlanAction {
    /** Decode the VAE in tiles; a little slower, no visible change. */
    ENABLE_VAE_TILING("enable VAE tiling"),
    /** Run the text encoder on the CPU; slower prompt encoding, no visible change. */
    TEXT_ENCODER_ON_CPU("text encoder on CPU"),
    /** Load the diffusion weights as FP8; a small quality cost. */
    FP8_WEIGHTS("FP8 weights"),
    /** Keep one component on the GPU at a time; somewhat slower. */
    MODEL_OFFLOAD("model offload"),
    /** Stream weights layer by layer; several times slower, no visible change. */
    SEQUENTIAL_OFFLOAD("sequential offload"),
    /** Shorten the clip, never below half of the request. */
    FEWER_FRAMES("fewer frames"),
    /** Lower the resolution, keeping the aspect ratio. */
    LOWER_RESOLUTION("lower resolution"),
    /** Switch to a model with fewer parameters that supports the workflow. */
    LIGHTER_MODEL("lighter model");

    private final String label;

    PlanAction(String label) {
        this.label = label;
    }

    /**
     * A short human label, e.g. {@code enable VAE tiling}.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * Whether the viewer sees the change (shorter, smaller, lighter model); FP8 and the memory
     * switches count as invisible.
     *
     * @return {@code true} for cuts
     */
    public boolean cut() {
        return switch (this) {
            case FEWER_FRAMES, LOWER_RESOLUTION, LIGHTER_MODEL -> true;
            case ENABLE_VAE_TILING, TEXT_ENCODER_ON_CPU, FP8_WEIGHTS, MODEL_OFFLOAD, SEQUENTIAL_OFFLOAD -> false;
        };
    }
}
