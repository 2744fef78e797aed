package dev.storycore.generation.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComfyUiLayoutTest {

    @TempDir
    Path root;

    @Test
    void verifiesEachFileOfAModelsFolder() throws IOException {
        Path models = root.resolve("models");
        ModelFolders.weights().write(models.resolve("diffusion_models/wan2.1_t2v_1.3B_fp16.safetensors"));
        ModelFolders.weights().write(models.resolve("text_encoders/umt5_xxl_fp8_e4m3fn_scaled.safetensors"));
        ModelFolders.weights().write(models.resolve("vae/wan_2.1_vae.safetensors"));
        ModelFolders.weights().write(models.resolve("clip_vision/clip_vision_h.safetensors"));
        ModelFolders.text(models.resolve("vae/put_vae_here"), "");
        Files.createDirectories(models.resolve("loras"));

        ModelFolderReport report = ModelFolderAnalyzer.analyze(root);

        assertThat(report.layout()).isEqualTo(ModelLayout.COMFYUI);
        assertThat(report.pipeline()).isEmpty();
        assertThat(report.usable()).isTrue();
        assertThat(report.components()).extracting(ComponentReport::name).containsExactly(
                "diffusion_models/wan2.1_t2v_1.3B_fp16.safetensors",
                "text_encoders/umt5_xxl_fp8_e4m3fn_scaled.safetensors",
                "vae/wan_2.1_vae.safetensors",
                "clip_vision/clip_vision_h.safetensors");
        assertThat(report.components().get(0).files().get(0).tensors()).hasSize(2);
    }

    @Test
    void acceptsTheModelsFolderItselfWithOldFolderNamesAndSubfolders() throws IOException {
        ModelFolders.weights().write(root.resolve("unet/wan/wan2.1_i2v_480p_14B_fp16.safetensors"));
        ModelFolders.weights().write(root.resolve("clip/llava_llama3_fp8_scaled.safetensors"));

        ModelFolderReport report = ModelFolderAnalyzer.analyze(root);

        assertThat(report.layout()).isEqualTo(ModelLayout.COMFYUI);
        assertThat(report.components()).extracting(ComponentReport::name).containsExactly(
                "unet/wan/wan2.1_i2v_480p_14B_fp16.safetensors", "clip/llava_llama3_fp8_scaled.safetensors");
    }

    @Test
    void reportsBrokenAndUnsafeFilesOneByOne() throws IOException {
        Path models = root.resolve("models");
        ModelFolders.weights().write(models.resolve("diffusion_models/good.safetensors"));
        SafetensorsWriter writer = ModelFolders.weights();
        writer.writeTruncated(models.resolve("diffusion_models/half.safetensors"), 8 + writer.headerBytes().length + 10);
        SafetensorsWriter.writeRaw(models.resolve("upscale_models/RealESRGAN_x4plus.pth"),
                SafetensorsWriter.concat(new byte[] {'P', 'K', 3, 4}, new byte[60]));

        ModelFolderReport report = ModelFolderAnalyzer.analyze(root);

        assertThat(report.usable()).isFalse();
        assertThat(report.component("diffusion_models/good.safetensors").orElseThrow().status())
                .isEqualTo(ComponentStatus.OK);
        assertThat(report.component("diffusion_models/half.safetensors").orElseThrow().status())
                .isEqualTo(ComponentStatus.INCOMPLETE);
        assertThat(report.component("upscale_models/RealESRGAN_x4plus.pth").orElseThrow().status())
                .isEqualTo(ComponentStatus.UNSAFE);
    }

    @Test
    void reportsAModelsFolderWithoutModelFiles() throws IOException {
        Files.createDirectories(root.resolve("models/diffusion_models"));
        Files.createDirectories(root.resolve("models/vae"));

        ModelFolderReport report = ModelFolderAnalyzer.analyze(root);

        assertThat(report.layout()).isEqualTo(ModelLayout.COMFYUI);
        assertThat(report.usable()).isFalse();
        assertThat(report.problems()).singleElement().asString().startsWith("No model files found in checkpoints");
    }
}
