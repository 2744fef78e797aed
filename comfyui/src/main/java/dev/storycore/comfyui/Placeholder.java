package dev.storycore.comfyui;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The named placeholders a workflow template may use, written {@code {{name}}} inside any string
 * value of an API-format workflow. A string that is exactly one placeholder is replaced by the typed
 * value (a number stays a number); a placeholder inside longer text is replaced by its text.
 *
 * <p>Values come from the {@link dev.storycore.generation.request.GenerationRequest} (prompt, size,
 * frames, steps, cfg, seed, fps), from the model's file table for the request's precision (the
 * {@code *_model}, {@code text_encoder*}, {@code vae*}, {@code clip_vision}, {@code lora_*} and
 * {@code weight_dtype} names), from the template's defaults ({@code shift}, {@code upscale_model}),
 * and from the uploaded inputs. Immutable.
 */
public enum Placeholder {
    /** The prompt text. */
    PROMPT("prompt", "the prompt"),
    /** The negative prompt text, empty when the request has none. */
    NEGATIVE_PROMPT("negative_prompt", "the negative prompt"),
    /** Frame width in pixels. */
    WIDTH("width", "frame width"),
    /** Frame height in pixels. */
    HEIGHT("height", "frame height"),
    /** Frames in the clip, ComfyUI's {@code length}. */
    LENGTH("length", "frames in the clip"),
    /** The same as {@link #LENGTH}. */
    FRAMES("frames", "frames in the clip"),
    /** Clips generated together. */
    BATCH_SIZE("batch_size", "clips generated together"),
    /** Sampling steps. */
    STEPS("steps", "sampling steps"),
    /** Half the sampling steps (at least 1): where a two-expert model switches from high to low noise. */
    HALF_STEPS("half_steps", "the step where the low-noise expert takes over"),
    /** Guidance scale; HunyuanVideo templates feed it to FluxGuidance. */
    CFG("cfg", "guidance scale"),
    /** Noise seed. */
    SEED("seed", "noise seed"),
    /** Output frame rate. */
    FPS("fps", "output frame rate"),
    /** ModelSamplingSD3 shift; a template default (8 for Wan, 7 for HunyuanVideo). */
    SHIFT("shift", "sampling shift"),
    /** UNETLoader weight_dtype for the request's precision: default or fp8_e4m3fn. */
    WEIGHT_DTYPE("weight_dtype", "UNETLoader weight_dtype"),
    /** The diffusion model file (models/diffusion_models). */
    DIFFUSION_MODEL("diffusion_model", "diffusion model file"),
    /** The high-noise expert file of a two-expert model. */
    DIFFUSION_MODEL_HIGH("diffusion_model_high", "high-noise expert file"),
    /** The low-noise expert file of a two-expert model. */
    DIFFUSION_MODEL_LOW("diffusion_model_low", "low-noise expert file"),
    /** The (first) text encoder file (models/text_encoders). */
    TEXT_ENCODER("text_encoder", "text encoder file"),
    /** The second text encoder file of a DualCLIPLoader. */
    TEXT_ENCODER_2("text_encoder_2", "second text encoder file"),
    /** The VAE file (models/vae); the RGB decoder for Wan-Alpha. */
    VAE("vae", "VAE file"),
    /** Wan-Alpha's alpha-channel VAE decoder file. */
    VAE_ALPHA("vae_alpha", "alpha VAE decoder file"),
    /** The CLIP vision file (models/clip_vision). */
    CLIP_VISION("clip_vision", "CLIP vision file"),
    /** A step-distillation LoRA file (models/loras). */
    LORA_DISTILL("lora_distill", "step-distillation LoRA file"),
    /** Wan-Alpha's RGBA LoRA file (models/loras). */
    LORA_ALPHA("lora_alpha", "Wan-Alpha LoRA file"),
    /** The upscale model file (models/upscale_models). */
    UPSCALE_MODEL("upscale_model", "upscale model file"),
    /** The uploaded input image, as LoadImage names it. */
    INPUT_IMAGE("input_image", "input image"),
    /** The uploaded mask image, as LoadImageMask names it. */
    MASK("mask", "mask image"),
    /** The uploaded source video, as LoadVideo names it. */
    SOURCE_VIDEO("source_video", "source video"),
    /** The prefix save nodes give the output files; derived from the job id. */
    FILENAME_PREFIX("filename_prefix", "output file name prefix");

    private final String key;
    private final String description;

    Placeholder(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /**
     * The name written between the braces.
     *
     * @return e.g. {@code negative_prompt}
     */
    public String key() {
        return key;
    }

    /**
     * A few words saying what the value is.
     *
     * @return e.g. {@code frame width}
     */
    public String description() {
        return description;
    }

    /**
     * The placeholder with this name.
     *
     * @param key the name between the braces, exactly as written, e.g. {@code width}
     * @return the placeholder, or empty for a name this enum does not know
     */
    public static Optional<Placeholder> fromKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }

    /**
     * Every placeholder name, in declaration order.
     *
     * @return an immutable list
     */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Placeholder::key).toList();
    }
}
