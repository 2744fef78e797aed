package dev.storycore.generation.fallback;

import java.io.IOException;
import java.nio.file.Path;

/** Small but real model folders of known models, for the catalog, suggester and fallback tests. */
final class LocalFolders {

    private LocalFolders() {
    }

    /** A ComfyUI models folder with one file per name, under {@code root/models}. */
    static Path comfy(Path root, String... files) throws IOException {
        for (String file : files) {
            ModelFolders.weights().write(root.resolve("models").resolve(file));
        }
        return root;
    }

    /** ComfyUI files of Wan2.1 T2V-1.3B: transformer, umT5 text encoder, Wan2.1 VAE. */
    static Path comfyWanSmall(Path root) throws IOException {
        return comfy(root, "diffusion_models/wan2.1_t2v_1.3B_fp16.safetensors",
                "text_encoders/umt5_xxl_fp8_e4m3fn_scaled.safetensors", "vae/wan_2.1_vae.safetensors");
    }

    /** A diffusers Wan folder whose transformer config names the 1.3B model (12 heads). */
    static Path diffusersWanSmall(Path root) throws IOException {
        ModelFolders.wanTextToVideo(root);
        transformerConfig(root, 12, 30, 16);
        return root;
    }

    /** A diffusers Wan folder whose transformer config names a 14B model (40 heads). */
    static Path diffusersWanLarge(Path root) throws IOException {
        ModelFolders.wanTextToVideo(root);
        transformerConfig(root, 40, 40, 16);
        return root;
    }

    static void transformerConfig(Path root, int heads, int layers, int inChannels) throws IOException {
        ModelFolders.text(root.resolve("transformer/config.json"), """
                {"_class_name": "WanTransformer3DModel", "num_attention_heads": %d, "num_layers": %d,
                 "in_channels": %d, "attention_head_dim": 128}""".formatted(heads, layers, inChannels));
    }

    /** Cuts a weight file short, as an interrupted download leaves it. */
    static void truncate(Path file) throws IOException {
        try (var out = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(out.length() - 20);
        }
    }
}
