package dev.storycore.generation.backend.sim;

import dev.storycore.generation.request.Precision;
import java.util.Locale;

/**
 * The file names the simulated ComfyUI server has for models, in the style of the published
 * checkpoints: {@code wan2.1_t2v_1.3b_bf16.safetensors}, {@code wan2.2_t2v_a14b_fp8_e4m3fn.safetensors}.
 */
final class ModelFiles {

    private ModelFiles() {
    }

    static String fileName(String modelId, Precision precision) {
        String suffix = switch (precision) {
            case BF16 -> "bf16";
            case FP16 -> "fp16";
            case FP8 -> "fp8_e4m3fn";
        };
        return modelId.strip().toLowerCase(Locale.ROOT).replace('-', '_') + "_" + suffix + ".safetensors";
    }
}
