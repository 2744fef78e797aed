package dev.storycore.generation.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HfCacheLayoutTest {

    private static final String REVISION = "0fad5f8a2c1d";

    @TempDir
    Path hub;

    private Path repository;
    private Path snapshot;

    /** A cache snapshot of a Wan pipeline whose every file is a relative link into ../../blobs. */
    @BeforeEach
    void writeACachedPipeline() throws IOException {
        repository = hub.resolve("models--Wan-AI--Wan2.1-T2V-1.3B-Diffusers");
        Path staging = ModelFolders.wanTextToVideo(hub.resolve("staging"));
        snapshot = Files.createDirectories(repository.resolve("snapshots").resolve(REVISION));
        Path blobs = Files.createDirectories(repository.resolve("blobs"));
        ModelFolders.text(repository.resolve("refs/main"), REVISION);
        int[] counter = {0};
        try (var files = Files.walk(staging)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String blob = "blob" + counter[0]++;
                Files.move(file, blobs.resolve(blob));
                Path link = snapshot.resolve(staging.relativize(file).toString());
                Files.createDirectories(link.getParent());
                Path up = link.getParent().relativize(blobs.resolve(blob));
                Files.createSymbolicLink(link, up);
            }
        }
    }

    @Test
    void acceptsLinksIntoTheRepositoryBlobs() {
        ModelFolderReport report = ModelFolderAnalyzer.analyze(repository);

        assertThat(report.layout()).isEqualTo(ModelLayout.HF_CACHE);
        assertThat(report.root()).isEqualTo(repository);
        assertThat(report.pipeline()).isEqualTo("WanPipeline");
        assertThat(report.usable()).isTrue();
        assertThat(report.component("transformer").orElseThrow().tensorCount()).isEqualTo(2);
    }

    @Test
    void acceptsTheSnapshotFolderItselfWhoseLinksLeaveItForTheBlobs() {
        ModelFolderReport report = ModelFolderAnalyzer.analyze(snapshot);

        assertThat(report.layout()).isEqualTo(ModelLayout.HF_CACHE);
        assertThat(report.usable()).isTrue();
    }

    @Test
    void refusesASnapshotLinkThatLeavesTheRepositoryFolder() throws IOException {
        Path outside = ModelFolders.weights().write(hub.resolve("elsewhere/diffusion_pytorch_model.safetensors"));
        Path vaeWeights = snapshot.resolve("vae/diffusion_pytorch_model.safetensors");
        Files.delete(vaeWeights);
        Files.createSymbolicLink(vaeWeights, outside);

        ModelFolderReport report = ModelFolderAnalyzer.analyze(repository);

        assertThat(report.usable()).isFalse();
        assertThat(report.component("vae").orElseThrow().status()).isEqualTo(ComponentStatus.UNSAFE);
    }

    @Test
    void reportsALinkToABlobThatNeverArrivedAsIncomplete() throws IOException {
        Path weights = snapshot.resolve("transformer/diffusion_pytorch_model.safetensors");
        Files.delete(weights.toRealPath());

        ModelFolderReport report = ModelFolderAnalyzer.analyze(repository);

        assertThat(report.component("transformer").orElseThrow().status()).isEqualTo(ComponentStatus.INCOMPLETE);
    }

    @Test
    void reportsARepositoryWithoutSnapshots() throws IOException {
        Path empty = Files.createDirectories(hub.resolve("models--org--empty/snapshots"));

        ModelFolderReport report = ModelFolderAnalyzer.analyze(empty.getParent());

        assertThat(report.layout()).isEqualTo(ModelLayout.HF_CACHE);
        assertThat(report.usable()).isFalse();
        assertThat(report.problems()).hasSize(1);
    }
}
