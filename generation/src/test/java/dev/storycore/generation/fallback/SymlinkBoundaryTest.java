package dev.storycore.generation.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymlinkBoundaryTest {

    @TempDir
    Path temp;

    private Path root;
    private Path outside;

    @BeforeEach
    void createRootAndAFolderBesideIt() throws IOException {
        root = Files.createDirectories(temp.resolve("root"));
        outside = Files.createDirectories(temp.resolve("outside"));
    }

    @Test
    void reportsAWeightLinkLeavingTheRootAsUnsafeAndDoesNotReadIt() throws IOException {
        // The target is a valid file: if it were read, the component would come out OK.
        Path target = ModelFolders.weights().write(outside.resolve("secret.safetensors"));
        Files.createDirectories(root.resolve("models/vae"));
        Files.createSymbolicLink(root.resolve("models/vae/wan_2.1_vae.safetensors"), target);

        ModelFolderReport report = ModelFolderAnalyzer.analyze(root);

        ComponentReport vae = report.component("vae/wan_2.1_vae.safetensors").orElseThrow();
        assertThat(vae.status()).isEqualTo(ComponentStatus.UNSAFE);
        assertThat(vae.tensorCount()).isZero();
        assertThat(vae.problems()).singleElement().asString()
                .contains("outside the analysed folder", "was not read");
        assertThat(report.usable()).isFalse();
    }

    @Test
    void reportsAComponentFolderLinkLeavingTheRootAsUnsafe() throws IOException {
        ModelFolders.wanTextToVideo(root);
        Path elsewhere = ModelFolders.diffusersModel(outside.resolve("vae"));
        deleteTree(root.resolve("vae"));
        Files.createSymbolicLink(root.resolve("vae"), elsewhere);

        ModelFolderReport report = ModelFolderAnalyzer.analyze(root);

        assertThat(report.component("vae").orElseThrow().status()).isEqualTo(ComponentStatus.UNSAFE);
    }

    @Test
    void reportsARelativeLinkEscapingWithDotDotAsUnsafe() throws IOException {
        ModelFolders.weights().write(outside.resolve("x.safetensors"));
        Files.createDirectories(root.resolve("loras"));
        Files.createSymbolicLink(root.resolve("loras/x.safetensors"), Path.of("../../outside/x.safetensors"));

        ModelFolderReport report = ModelFolderAnalyzer.analyze(root);

        assertThat(report.component("loras/x.safetensors").orElseThrow().status()).isEqualTo(ComponentStatus.UNSAFE);
    }

    @Test
    void reportsADanglingLinkOutsideTheRootAsUnsafeAndOneInsideAsIncomplete() throws IOException {
        Files.createDirectories(root.resolve("loras"));
        Files.createSymbolicLink(root.resolve("loras/out.safetensors"), outside.resolve("never.safetensors"));
        Files.createSymbolicLink(root.resolve("loras/in.safetensors"), root.resolve("loras/never.safetensors"));

        ModelFolderReport report = ModelFolderAnalyzer.analyze(root);

        assertThat(report.component("loras/out.safetensors").orElseThrow().status()).isEqualTo(ComponentStatus.UNSAFE);
        assertThat(report.component("loras/in.safetensors").orElseThrow().status())
                .isEqualTo(ComponentStatus.INCOMPLETE);
    }

    @Test
    void followsALinkThatStaysInsideTheRoot() throws IOException {
        Path real = ModelFolders.weights().write(root.resolve("store/vae.safetensors"));
        Files.createDirectories(root.resolve("vae"));
        Files.createSymbolicLink(root.resolve("vae/linked.safetensors"), real);

        ModelFolderReport report = ModelFolderAnalyzer.analyze(root);

        ComponentReport linked = report.component("vae/linked.safetensors").orElseThrow();
        assertThat(linked.status()).isEqualTo(ComponentStatus.OK);
        assertThat(linked.tensorCount()).isEqualTo(2);
    }

    @Test
    void reportsAShardLinkLeavingTheRootAsUnsafe() throws IOException {
        ModelFolders.wanTextToVideo(root);
        Path transformer = root.resolve("transformer");
        Files.delete(transformer.resolve("diffusion_pytorch_model.safetensors"));
        SafetensorsWriter.create().tensor("a", "F32", 4).write(transformer.resolve("s1.safetensors"));
        Path escaped = SafetensorsWriter.create().tensor("b", "F32", 4).write(outside.resolve("s2.safetensors"));
        Files.createSymbolicLink(transformer.resolve("s2.safetensors"), escaped);
        ModelFolders.text(transformer.resolve("diffusion_pytorch_model.safetensors.index.json"),
                """
                {"metadata": {"total_size": 32},
                 "weight_map": {"a": "s1.safetensors", "b": "s2.safetensors"}}""");

        ComponentReport component = ModelFolderAnalyzer.analyze(root).component("transformer").orElseThrow();

        assertThat(component.status()).isEqualTo(ComponentStatus.UNSAFE);
        assertThat(component.tensorCount()).isEqualTo(1);
    }

    static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
