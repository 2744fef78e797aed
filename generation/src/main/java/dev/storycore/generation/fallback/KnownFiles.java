package dev.storycore.generation.fallback;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The single-file names ComfyUI's example workflows use for the built-in models, and which shared
 * part each file is. Names are compared in a compact form (lowercase letters and digits only, no
 * extension), so {@code wan2.1_t2v_1.3B_fp16.safetensors}, {@code Wan2.1-T2V-1.3B-Q8_0.gguf} and a copy
 * in a subfolder all read {@code wan21t2v13b…}. Immutable and thread-safe.
 *
 * <p>A part's key says what can stand in for it: the same key means the same weights up to precision.
 * Diffusion files are keyed {@code transformer:ID} (and {@code transformer_2:ID} for the low-noise
 * expert of Wan2.2 A14B); shared parts are keyed by what they are: {@code umt5-xxl},
 * {@code wan2.1-vae}, {@code wan2.2-vae}, {@code clip-vision-h}, {@code llava-llama3},
 * {@code llava-llama3-vision}, {@code clip-l}, {@code hunyuan-video-vae}.
 */
final class KnownFiles {

    /**
     * One file a model needs.
     *
     * @param key         what it is (see the class comment)
     * @param pattern     found in the compact name
     * @param example     the name ComfyUI's examples use
     * @param description for sentences, e.g. {@code umt5-xxl text encoder}
     */
    record Part(String key, Pattern pattern, String example, String description) {

        boolean matches(String fileName) {
            return pattern.matcher(compact(fileName)).find();
        }
    }

    /**
     * The files of one model: the diffusion files that identify it, then what it needs beside them.
     *
     * @param diffusion  one file, or the two experts of a mixture
     * @param companions text encoders, VAE, image encoder
     */
    record ModelFiles(List<Part> diffusion, List<Part> companions) {
    }

    static final Part UMT5 = part("umt5-xxl", "umt5xxl", "umt5_xxl_fp8_e4m3fn_scaled.safetensors",
            "umt5-xxl text encoder");
    static final Part WAN21_VAE = part("wan2.1-vae", "wan21vae", "wan_2.1_vae.safetensors", "Wan2.1 VAE");
    static final Part WAN22_VAE = part("wan2.2-vae", "wan22vae", "wan2.2_vae.safetensors", "Wan2.2 VAE");
    static final Part CLIP_VISION_H = part("clip-vision-h", "clipvisionh", "clip_vision_h.safetensors",
            "CLIP ViT-H vision encoder");
    static final Part LLAVA = part("llava-llama3", "llavallama3(?!vision)", "llava_llama3_fp8_scaled.safetensors",
            "llava-llama-3 text encoder");
    static final Part LLAVA_VISION = part("llava-llama3-vision", "llavallama3vision",
            "llava_llama3_vision.safetensors", "llava-llama-3 vision encoder");
    static final Part CLIP_L = part("clip-l", "^clipl", "clip_l.safetensors", "CLIP-L text encoder");
    static final Part HUNYUAN_VAE = part("hunyuan-video-vae", "hunyuanvideovae", "hunyuan_video_vae_bf16.safetensors",
            "HunyuanVideo VAE");

    private static final List<Part> WAN21 = List.of(UMT5, WAN21_VAE);
    private static final List<Part> WAN21_I2V = List.of(UMT5, WAN21_VAE, CLIP_VISION_H);

    private static final Map<String, ModelFiles> MODELS = Map.of(
            "wan2.1-t2v-1.3b", wan("wan2.1-t2v-1.3b", "wan21t2v13b", "wan2.1_t2v_1.3B_fp16.safetensors", WAN21),
            "wan2.1-t2v-14b", wan("wan2.1-t2v-14b", "wan21t2v14b", "wan2.1_t2v_14B_fp16.safetensors", WAN21),
            "wan2.1-i2v-14b-480p", wan("wan2.1-i2v-14b-480p", "wan21i2v480p14b", "wan2.1_i2v_480p_14B_fp16.safetensors",
                    WAN21_I2V),
            "wan2.1-i2v-14b-720p", wan("wan2.1-i2v-14b-720p", "wan21i2v720p14b", "wan2.1_i2v_720p_14B_fp16.safetensors",
                    WAN21_I2V),
            "wan2.1-vace-14b", wan("wan2.1-vace-14b", "wan21vace14b", "wan2.1_vace_14B_fp16.safetensors", WAN21),
            "wan2.2-t2v-a14b", experts("wan2.2-t2v-a14b", "t2v"),
            "wan2.2-i2v-a14b", experts("wan2.2-i2v-a14b", "i2v"),
            "wan2.2-ti2v-5b", wan("wan2.2-ti2v-5b", "wan22ti2v5b", "wan2.2_ti2v_5B_fp16.safetensors",
                    List.of(UMT5, WAN22_VAE)),
            "hunyuan-video-t2v", new ModelFiles(List.of(part("transformer:hunyuan-video-t2v", "hunyuanvideot2v",
                    "hunyuan_video_t2v_720p_bf16.safetensors", "HunyuanVideo T2V transformer")),
                    List.of(CLIP_L, LLAVA, HUNYUAN_VAE)),
            "hunyuan-video-i2v", new ModelFiles(List.of(part("transformer:hunyuan-video-i2v",
                    "hunyuanvideo(v2replace)?imagetovideo", "hunyuan_video_image_to_video_720p_bf16.safetensors",
                    "HunyuanVideo I2V transformer")), List.of(CLIP_L, LLAVA, LLAVA_VISION, HUNYUAN_VAE)));

    private static final List<Part> SHARED = List.of(UMT5, WAN21_VAE, WAN22_VAE, CLIP_VISION_H, LLAVA_VISION, LLAVA,
            CLIP_L, HUNYUAN_VAE);

    private KnownFiles() {
    }

    /** The model ids with known single-file names. */
    static Set<String> modelIds() {
        return MODELS.keySet();
    }

    /** The files of a model, if its single-file names are known. */
    static Optional<ModelFiles> of(String modelId) {
        return Optional.ofNullable(MODELS.get(modelId));
    }

    /** What a file is, judged by its name: a model's diffusion file or a shared part. */
    static Optional<Part> identify(String fileName) {
        for (ModelFiles files : MODELS.values()) {
            for (Part part : files.diffusion()) {
                if (part.matches(fileName)) {
                    return Optional.of(part);
                }
            }
        }
        return SHARED.stream().filter(part -> part.matches(fileName)).findFirst();
    }

    /** The model a diffusion-part key names, e.g. {@code wan2.2-t2v-a14b} for {@code transformer_2:wan2.2-t2v-a14b}. */
    static Optional<String> modelOfKey(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(key.substring(colon + 1));
    }

    /** Lowercase letters and digits of a file name without its directory and extension. */
    static String compact(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot > 0 && WeightFileInspector.isWeightName(name)) {
            name = name.substring(0, dot);
        }
        return name.replaceAll("[^a-z0-9]", "");
    }

    private static ModelFiles wan(String id, String pattern, String example, List<Part> companions) {
        return new ModelFiles(List.of(part("transformer:" + id, pattern, example, id + " transformer")), companions);
    }

    private static ModelFiles experts(String id, String task) {
        String prefix = "wan2.2_" + task + "_";
        return new ModelFiles(List.of(
                part("transformer:" + id, "wan22" + task + "highnoise14b", prefix + "high_noise_14B_fp8_scaled.safetensors",
                        id + " high-noise expert"),
                part("transformer_2:" + id, "wan22" + task + "lownoise14b", prefix + "low_noise_14B_fp8_scaled.safetensors",
                        id + " low-noise expert")), WAN21);
    }

    private static Part part(String key, String regex, String example, String description) {
        return new Part(key, Pattern.compile(regex), example, description);
    }
}
