package dev.storycore.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes small real safetensors files and model folders for the command tests: an 8-byte
 * little-endian header length, the JSON header, then the tensor data.
 */
final class TestWeights {

    /** One BF16 tensor of 4 x 8 and one F32 bias of 8: 64 + 32 bytes of data, 40 parameters. */
    private static final String HEADER = "{\"proj.weight\":{\"dtype\":\"BF16\",\"shape\":[4,8],\"data_offsets\":[0,64]},"
            + "\"proj.bias\":{\"dtype\":\"F32\",\"shape\":[8],\"data_offsets\":[64,96]}}";

    private TestWeights() {
    }

    static Path safetensors(Path file) throws IOException {
        byte[] header = HEADER.getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(8 + header.length + 96).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(header.length).put(header);
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, bytes.array());
    }

    static void truncate(Path file) throws IOException {
        try (var out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(out.length() - 20);
        }
    }

    static Path text(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, content);
    }

    /** A complete Wan 2.1 T2V-1.3B diffusers folder (12 attention heads in the transformer config). */
    static Path wanDiffusers(Path root) throws IOException {
        text(root.resolve("model_index.json"), """
                {"_class_name": "WanPipeline", "_diffusers_version": "0.33.0.dev0",
                 "scheduler": ["diffusers", "UniPCMultistepScheduler"],
                 "text_encoder": ["transformers", "UMT5EncoderModel"],
                 "tokenizer": ["transformers", "T5TokenizerFast"],
                 "transformer": ["diffusers", "WanTransformer3DModel"],
                 "vae": ["diffusers", "AutoencoderKLWan"]}""");
        text(root.resolve("scheduler/scheduler_config.json"), "{\"_class_name\": \"UniPCMultistepScheduler\"}");
        text(root.resolve("tokenizer/tokenizer.json"), "{\"version\": \"1.0\"}");
        text(root.resolve("text_encoder/config.json"), "{\"d_model\": 8}");
        safetensors(root.resolve("text_encoder/model.safetensors"));
        text(root.resolve("transformer/config.json"), "{\"num_attention_heads\": 12, \"num_layers\": 30,"
                + " \"in_channels\": 16}");
        safetensors(root.resolve("transformer/diffusion_pytorch_model.safetensors"));
        text(root.resolve("vae/config.json"), "{\"z_dim\": 16}");
        safetensors(root.resolve("vae/diffusion_pytorch_model.safetensors"));
        return root;
    }

    /** ComfyUI files of Wan2.1 T2V-1.3B under {@code root/models}. */
    static Path wanComfy(Path root) throws IOException {
        safetensors(root.resolve("models/diffusion_models/wan2.1_t2v_1.3B_fp16.safetensors"));
        safetensors(root.resolve("models/text_encoders/umt5_xxl_fp8_e4m3fn_scaled.safetensors"));
        safetensors(root.resolve("models/vae/wan_2.1_vae.safetensors"));
        return root;
    }
}
