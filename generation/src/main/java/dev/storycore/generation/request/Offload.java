package dev.storycore.generation.request;

/** How much of the model lives in system RAM instead of on the GPU. */
public enum Offload {
    /** Every component the job uses stays on the GPU. Fastest. */
    NONE,
    /**
     * One whole component on the GPU at a time: text encoder, then transformer (one expert at a time),
     * then VAE (diffusers {@code enable_model_cpu_offload}, Wan {@code --offload_model True}). Slightly slower.
     */
    MODEL,
    /**
     * Weights streamed to the GPU layer by layer (diffusers {@code enable_sequential_cpu_offload}).
     * Needs the least VRAM and is several times slower.
     */
    SEQUENTIAL
}
