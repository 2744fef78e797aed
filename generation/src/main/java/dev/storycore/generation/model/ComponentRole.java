package dev.storycore.generation.model;

/** What a component of a model does; the VRAM estimator weighs each role differently. */
public enum ComponentRole {
    /** The denoising transformer (one per expert in a mixture of experts). */
    DIFFUSION,
    /** A text encoder (umT5-XXL, LLaVA-Llama-3, CLIP-L). */
    TEXT_ENCODER,
    /** An image encoder for image conditioning (CLIP vision). */
    IMAGE_ENCODER,
    /** The video autoencoder that turns latents into frames. */
    VAE,
    /** A LoRA or other adapter loaded on top of the diffusion model. */
    ADAPTER
}
