package dev.storycore.generation.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storycore.generation.GenerationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFolderAnalyzerTest {

    @TempDir
    Path root;

    @Test
    void rejectsAFileWithAOneLineMessage() throws IOException {
        Path file = Files.writeString(root.resolve("model.safetensors"), "x");

        assertThatThrownBy(() -> ModelFolderAnalyzer.analyze(file))
                .isInstanceOf(GenerationException.class)
                .hasMessage("not a folder: " + file);
    }

    @Test
    void rejectsAPathThatDoesNotExist() {
        assertThatThrownBy(() -> ModelFolderAnalyzer.analyze(root.resolve("nope")))
                .isInstanceOf(GenerationException.class)
                .hasMessageStartingWith("not a folder:");
    }

    @Test
    void rejectsAnUnreadableFolderWithAOneLineMessage() throws IOException {
        Path locked = Files.createDirectories(root.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(locked), "permissions are not enforced for this user");

            assertThatThrownBy(() -> ModelFolderAnalyzer.analyze(locked))
                    .isInstanceOf(GenerationException.class)
                    .hasMessage("cannot read folder " + locked + ": permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void serializesTheShapeTheCommandLinePrints() throws IOException {
        ModelFolders.wanTextToVideo(root);
        Files.delete(root.resolve("vae").resolve("diffusion_pytorch_model.safetensors"));

        JsonNode json = new ObjectMapper().readTree(ModelFolderAnalyzer.analyze(root).toJson());

        assertThat(json.get("root").asText()).isEqualTo(root.toString());
        assertThat(json.get("layout").asText()).isEqualTo("DIFFUSERS");
        assertThat(json.get("pipeline").asText()).isEqualTo("WanPipeline");
        assertThat(json.get("usable").isBoolean()).isTrue();
        assertThat(json.get("usable").asBoolean()).isFalse();
        assertThat(json.get("problems").isArray()).isTrue();
        JsonNode transformer = json.get("components").get(4);
        assertThat(transformer.get("name").asText()).isEqualTo("transformer");
        assertThat(transformer.get("status").asText()).isEqualTo("OK");
        assertThat(transformer.get("problems").isArray()).isTrue();
        assertThat(transformer.get("bytes").asLong()).isPositive();
        assertThat(transformer.get("parameters").asLong()).isEqualTo(40);
        assertThat(transformer.get("tensorCount").asLong()).isEqualTo(2);
        assertThat(transformer.get("dtypes").get("BF16").asLong()).isEqualTo(1);
        assertThat(transformer.get("estimatedMemoryBytes").asLong()).isEqualTo(96);
        JsonNode file = transformer.get("files").get(0);
        assertThat(file.get("path").asText()).isEqualTo("transformer/diffusion_pytorch_model.safetensors");
        assertThat(file.get("format").asText()).isEqualTo("SAFETENSORS");
        assertThat(file.has("tensors")).isFalse();
        assertThat(file.has("metadata")).isFalse();
        JsonNode vae = json.get("components").get(2);
        assertThat(vae.get("status").asText()).isEqualTo("INCOMPLETE");
        assertThat(vae.get("problems").get(0).asText()).startsWith("vae/ has no weights");
    }

    @Test
    void analysesLooseWeightFilesOneComponentEach() throws IOException {
        ModelFolders.weights().write(root.resolve("wan2.1_t2v_1.3B_fp16.safetensors"));
        SafetensorsWriter.writeRaw(root.resolve("Wan2.1_VAE.pth"), new byte[] {(byte) 0x80, 0x02, '}', '.'});
        Files.writeString(root.resolve("README.md"), "# weights");

        ModelFolderReport report = ModelFolderAnalyzer.analyze(root);

        assertThat(report.layout()).isEqualTo(ModelLayout.SINGLE_FILE);
        assertThat(report.components()).extracting(ComponentReport::name, ComponentReport::status).containsExactly(
                tuple("Wan2.1_VAE.pth", ComponentStatus.UNSAFE),
                tuple("wan2.1_t2v_1.3B_fp16.safetensors", ComponentStatus.OK));
        assertThat(report.usable()).isFalse();
    }

    @Test
    void analysesASingleModelFolderAndModelSubfolders() throws IOException {
        Path model = ModelFolders.transformersModel(root.resolve("umt5-xxl"));
        ModelFolders.diffusersModel(root.resolve("high_noise_model"));

        ModelFolderReport single = ModelFolderAnalyzer.analyze(model);
        ModelFolderReport nested = ModelFolderAnalyzer.analyze(root);

        assertThat(single.layout()).isEqualTo(ModelLayout.SINGLE_FILE);
        assertThat(single.components()).extracting(ComponentReport::name).containsExactly("umt5-xxl");
        assertThat(single.components().get(0).files()).extracting(WeightFile::path).containsExactly("model.safetensors");
        assertThat(single.usable()).isTrue();
        assertThat(nested.components()).extracting(ComponentReport::name).containsExactly("high_noise_model", "umt5-xxl");
    }

    @Test
    void reportsAFolderWithNothingRecognisable() throws IOException {
        Files.writeString(root.resolve("notes.txt"), "hello");

        ModelFolderReport report = ModelFolderAnalyzer.analyze(root);

        assertThat(report.layout()).isEqualTo(ModelLayout.UNKNOWN);
        assertThat(report.usable()).isFalse();
        assertThat(report.components()).isEmpty();
        assertThat(report.problems()).hasSize(1);
    }
}
