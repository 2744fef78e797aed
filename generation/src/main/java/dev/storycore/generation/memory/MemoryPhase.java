package dev.storycore.generation.memory;

/** The three stages of a generation job, each with its own memory peak. */
public enum MemoryPhase {
    /** Text (and image) encoders turn the prompt and the input image into conditioning. */
    ENCODE,
    /** The diffusion transformer denoises the latent, step after step. */
    DENOISE,
    /** The VAE turns the latent into frames. */
    DECODE
}
