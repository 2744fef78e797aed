package dev.storycore.generation.fallback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds small but real model folders for tests. */
final class ModelFolders {

    private ModelFolders() {
    }

    static Path text(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, content);
    }

    /** A small, valid model component: config.json and one weights file. */
    static Path model(Path dir, String weightsName) throws IOException {
        text(dir.resolve("config.json"), "{\"_class_name\": \"Test\", \"hidden_size\": 8}");
        weights().write(dir.resolve(weightsName));
        return dir;
    }

    static Path diffusersModel(Path dir) throws IOException {
        return model(dir, "diffusion_pytorch_model.safetensors");
    }

    static Path transformersModel(Path dir) throws IOException {
        return model(dir, "model.safetensors");
    }

    static SafetensorsWriter weights() {
        return SafetensorsWriter.create()
                .tensor("proj.weight", "BF16", 4, 8)
                .tensor("proj.bias", "F32", 8)
                .metadata("format", "pt");
    }

    static Path scheduler(Path dir) throws IOException {
        return text(dir.resolve("scheduler_config.json"), "{\"_class_name\": \"UniPCMultistepScheduler\"}");
    }

    static Path tokenizer(Path dir) throws IOException {
        text(dir.resolve("tokenizer.json"), "{\"version\": \"1.0\"}");
        return text(dir.resolve("tokenizer_config.json"), "{\"model_max_length\": 512}");
    }

    static Path processor(Path dir) throws IOException {
        return text(dir.resolve("preprocessor_config.json"), "{\"image_processor_type\": \"CLIPImageProcessor\"}");
    }

    /** A complete, valid Wan 2.1 text-to-video diffusers folder. */
    static Path wanTextToVideo(Path root) throws IOException {
        text(root.resolve("model_index.json"), """
                {"_class_name": "WanPipeline", "_diffusers_version": "0.33.0.dev0",
                 "scheduler": ["diffusers", "UniPCMultistepScheduler"],
                 "text_encoder": ["transformers", "UMT5EncoderModel"],
                 "tokenizer": ["transformers", "T5TokenizerFast"],
                 "transformer": ["diffusers", "WanTransformer3DModel"],
                 "vae": ["diffusers", "AutoencoderKLWan"]}""");
        scheduler(root.resolve("scheduler"));
        transformersModel(root.resolve("text_encoder"));
        tokenizer(root.resolve("tokenizer"));
        diffusersModel(root.resolve("transformer"));
        diffusersModel(root.resolve("vae"));
        return root;
    }
}
