package dev.storycore.generation.errors;

import java.util.Locale;

/**
 * What a ComfyUI node does, read from its class type. Core nodes and the common custom packs name
 * their nodes after their job ({@code UNETLoader}, {@code WanVideoSampler}, {@code VAEDecodeTiled},
 * {@code WanVideoTextEncode}), so the name says where in the pipeline a failure happened even for
 * nodes this code has never seen.
 */
enum NodeKind {
    /** Loads weights: checkpoints, diffusion models, text encoders, VAEs, LoRAs, upscale models. */
    LOADER,
    /** Runs the denoising loop. */
    SAMPLER,
    /** Decodes latents to pixels with the VAE. */
    VAE_DECODE,
    /** Encodes pixels to latents with the VAE. */
    VAE_ENCODE,
    /** Encodes the text prompt. */
    TEXT_ENCODER,
    /** Encodes a reference image (CLIP vision and friends). */
    VISION_ENCODER,
    /** Builds image-to-video conditioning and latents from a start image or control video. */
    IMAGE_CONDITIONING,
    /** Upscales images with a model. */
    UPSCALER,
    /** Any other node. */
    OTHER,
    /** No node named. */
    NONE;

    /**
     * The kind of a node class type; the first matching clue wins, loaders first because a loader's
     * name often contains what it loads ({@code UpscaleModelLoader}, {@code CLIPVisionLoader}).
     *
     * @param classType the node's class type, possibly empty
     * @return its kind
     */
    static NodeKind of(String classType) {
        if (classType.isBlank()) {
            return NONE;
        }
        String name = classType.toLowerCase(Locale.ROOT);
        if (name.contains("load")) {
            return LOADER;
        }
        if (name.contains("sampler") || name.contains("sample")) {
            return SAMPLER;
        }
        if (name.contains("textencode") || name.contains("text_encode") || name.contains("cliptext")
                || name.contains("encodeprompt")) {
            return TEXT_ENCODER;
        }
        if (name.contains("vision") || name.contains("clipencode") || name.contains("imageclip")) {
            return VISION_ENCODER;
        }
        if (name.contains("decode")) {
            return VAE_DECODE;
        }
        if (name.contains("imagetovideo") || name.contains("firstlastframe") || name.contains("vace")
                || name.contains("i2v")) {
            return IMAGE_CONDITIONING;
        }
        if (name.contains("encode")) {
            return VAE_ENCODE;
        }
        if (name.contains("upscale")) {
            return UPSCALER;
        }
        return OTHER;
    }
}
