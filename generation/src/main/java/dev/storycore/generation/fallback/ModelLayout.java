package dev.storycore.generation.fallback;

/** How a model folder is organised. */
public enum ModelLayout {
    /** A diffusers pipeline: {@code model_index.json} and one subfolder per component. */
    DIFFUSERS,
    /** A ComfyUI {@code models/} folder: diffusion_models, text_encoders, vae, clip_vision, … */
    COMFYUI,
    /** Loose weight files, or one model folder with {@code config.json} and its weights. */
    SINGLE_FILE,
    /** A Hugging Face cache repository, {@code models--org--name/snapshots/REV/}. */
    HF_CACHE,
    /** Nothing recognisable. */
    UNKNOWN
}
