package dev.storycore.generation.fallback;

/**
 * What a diffusers component of a known model is, as a key shared with {@link KnownFiles}: two
 * components with the same key hold the same weights (up to precision), so one can stand in for the
 * other. Every Wan model shares the umT5 text encoder and tokenizer; Wan2.1 and Wan2.2 A14B share the
 * Wan2.1 VAE; both HunyuanVideo models share the CLIP-L encoder and the VAE. Transformers, schedulers
 * and anything unknown are keyed by model, so only another copy of the same model replaces them.
 * Stateless and thread-safe.
 */
final class ComponentKeys {

    private ComponentKeys() {
    }

    /**
     * @param modelId   the registry model the folder holds
     * @param component the component name, e.g. {@code text_encoder}
     */
    static String ofDiffusers(String modelId, String component) {
        if (modelId.startsWith("wan")) {
            return wan(modelId, component);
        }
        if (modelId.startsWith("hunyuan")) {
            return hunyuan(modelId, component);
        }
        return component + ":" + modelId;
    }

    private static String wan(String modelId, String component) {
        return switch (component) {
            case "text_encoder" -> KnownFiles.UMT5.key();
            case "tokenizer" -> "umt5-tokenizer";
            case "vae" -> switch (modelId) {
                case "wan2.2-ti2v-5b" -> KnownFiles.WAN22_VAE.key();
                case "wan-alpha" -> "vae:wan-alpha";
                default -> KnownFiles.WAN21_VAE.key();
            };
            case "image_encoder" -> KnownFiles.CLIP_VISION_H.key();
            case "image_processor" -> "clip-vision-h-processor";
            default -> component + ":" + modelId;
        };
    }

    private static String hunyuan(String modelId, String component) {
        boolean i2v = modelId.contains("i2v");
        return switch (component) {
            case "text_encoder" -> i2v ? "llava-llama3-i2v" : KnownFiles.LLAVA.key();
            case "tokenizer" -> i2v ? "llava-tokenizer" : "llama-tokenizer";
            case "text_encoder_2" -> KnownFiles.CLIP_L.key();
            case "tokenizer_2" -> "clip-l-tokenizer";
            case "vae" -> KnownFiles.HUNYUAN_VAE.key();
            default -> component + ":" + modelId;
        };
    }
}
