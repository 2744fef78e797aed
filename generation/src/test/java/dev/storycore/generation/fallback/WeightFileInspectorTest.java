package dev.storycore.generation.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightFileInspectorTest {

    @TempDir
    Path dir;

    private PathGuard guard;

    @BeforeEach
    void guardTheTempFolder() throws IOException {
        guard = new PathGuard(dir.toRealPath());
    }

    private WeightFile inspect(String name) {
        return WeightFileInspector.inspect(dir.resolve(name), name, guard);
    }

    @Test
    void summarisesAValidSafetensorsFile() throws IOException {
        ModelFolders.weights().write(dir.resolve("ok.safetensors"));

        WeightFile file = inspect("ok.safetensors");

        assertThat(file.format()).isEqualTo(WeightFormat.SAFETENSORS);
        assertThat(file.status()).isEqualTo(ComponentStatus.OK);
        assertThat(file.tensorCount()).isEqualTo(2);
        assertThat(file.parameters()).isEqualTo(40);
        assertThat(file.dataBytes()).isEqualTo(64 + 32);
        assertThat(file.bytes()).isEqualTo(Files.size(dir.resolve("ok.safetensors")));
        assertThat(file.estimatedMemoryBytes()).isEqualTo(96);
        assertThat(file.metadata()).containsEntry("format", "pt");
        assertThat(file.tensors()).extracting(TensorInfo::name).containsExactly("proj.weight", "proj.bias");
    }

    @Test
    void flagsALegacyPickleBinAsUnsafeWithoutUnpickling() throws IOException {
        // Protocol 2 pickle: PROTO 2, EMPTY_DICT, STOP.
        SafetensorsWriter.writeRaw(dir.resolve("pytorch_model.bin"), new byte[] {(byte) 0x80, 0x02, '}', '.'});

        WeightFile file = inspect("pytorch_model.bin");

        assertThat(file.format()).isEqualTo(WeightFormat.PICKLE);
        assertThat(file.status()).isEqualTo(ComponentStatus.UNSAFE);
        assertThat(file.problems()).singleElement().asString()
                .startsWith("pytorch_model.bin is a pickle-based PyTorch file").contains("arbitrary code");
    }

    @Test
    void flagsAZipTorchCheckpointAsUnsafe() throws IOException {
        SafetensorsWriter.writeRaw(dir.resolve("model.ckpt"),
                SafetensorsWriter.concat(new byte[] {'P', 'K', 3, 4}, new byte[40]));

        WeightFile file = inspect("model.ckpt");

        assertThat(file.format()).isEqualTo(WeightFormat.TORCH_ZIP);
        assertThat(file.status()).isEqualTo(ComponentStatus.UNSAFE);
    }

    @Test
    void flagsAPickleNamedSafetensorsAsUnsafeAndSaysSo() throws IOException {
        SafetensorsWriter.writeRaw(dir.resolve("fake.safetensors"), new byte[] {(byte) 0x80, 0x04, '}', '.'});

        WeightFile file = inspect("fake.safetensors");

        assertThat(file.status()).isEqualTo(ComponentStatus.UNSAFE);
        assertThat(file.problems().get(0)).contains("despite its safetensors name");
    }

    @Test
    void recognisesGgufAndReadsItsTensorCount() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN)
                .put("GGUF".getBytes(StandardCharsets.US_ASCII)).putInt(3).putLong(825).putLong(24);
        SafetensorsWriter.writeRaw(dir.resolve("wan-q8.gguf"), header.array());

        WeightFile file = inspect("wan-q8.gguf");

        assertThat(file.format()).isEqualTo(WeightFormat.GGUF);
        assertThat(file.status()).isEqualTo(ComponentStatus.OK);
        assertThat(file.tensorCount()).isEqualTo(825);
        assertThat(file.estimatedMemoryBytes()).isEqualTo(64);
    }

    @Test
    void reportsAGitLfsPointerAsIncomplete() throws IOException {
        ModelFolders.text(dir.resolve("vae.safetensors"), """
                version https://git-lfs.github.com/spec/v1
                oid sha256:4c8f0a
                size 507609880
                """);

        WeightFile file = inspect("vae.safetensors");

        assertThat(file.format()).isEqualTo(WeightFormat.LFS_POINTER);
        assertThat(file.status()).isEqualTo(ComponentStatus.INCOMPLETE);
    }

    @Test
    void reportsAnHtmlErrorPageSavedAsWeightsAsCorrupt() throws IOException {
        ModelFolders.text(dir.resolve("model.safetensors"), "<!DOCTYPE html><html>Access denied</html>");

        WeightFile file = inspect("model.safetensors");

        assertThat(file.format()).isEqualTo(WeightFormat.UNKNOWN);
        assertThat(file.status()).isEqualTo(ComponentStatus.CORRUPT);
        assertThat(file.problems().get(0)).contains("text file");
    }

    @Test
    void reportsAnEmptyWeightFileAsIncomplete() throws IOException {
        SafetensorsWriter.writeRaw(dir.resolve("model.bin"), new byte[0]);

        assertThat(inspect("model.bin").status()).isEqualTo(ComponentStatus.INCOMPLETE);
    }

    @Test
    void reportsAnAbsentFileAsMissing() {
        WeightFile file = inspect("gone.safetensors");

        assertThat(file.status()).isEqualTo(ComponentStatus.MISSING);
        assertThat(file.problems()).containsExactly("gone.safetensors is missing.");
    }

    @Test
    void knowsWhichNamesAreWeights() {
        assertThat(WeightFileInspector.isWeightName("a.SafeTensors")).isTrue();
        assertThat(WeightFileInspector.isWeightName("b.pth")).isTrue();
        assertThat(WeightFileInspector.isWeightName("put_vae_here")).isFalse();
        assertThat(WeightFileInspector.isWeightName("config.json")).isFalse();
    }
}
