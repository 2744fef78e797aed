package dev.storycore.generation.backend.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storycore.generation.GenerationException;
import dev.storycore.generation.backend.BackendException;
import dev.storycore.generation.backend.GenerationJob;
import dev.storycore.generation.backend.GenerationResult;
import dev.storycore.generation.backend.ProgressListener;
import dev.storycore.generation.hardware.GpuPresets;
import dev.storycore.generation.media.FrameSource;
import dev.storycore.generation.media.Mp4Reader;
import dev.storycore.generation.media.Mp4Writer;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorOutputTest {

    @TempDir
    Path dir;

    @Test
    void previewWritesAShortMp4AndASidecarInsideTheJobFolder() throws Exception {
        GpuSimulatorBackend sim = preview(8);
        GenerationJob job = new GenerationJob("job:1/../x", "../shots/a b", SimFixtures.fitting(), dir);

        GenerationResult result = sim.generate(job, ProgressListener.NONE);

        assertThat(result.outputs()).hasSize(2).allSatisfy(p -> assertThat(p.getParent()).isEqualTo(dir));
        Path video = result.outputs().get(0);
        assertThat(video.getFileName().toString()).isEqualTo("_shots_a_b_job_1_.._x.mp4");
        FrameSource frames = Mp4Reader.read(video, 100);
        assertThat(frames.frameCount()).isEqualTo(6);
        assertThat(frames.width()).isEqualTo(480);
        assertThat(result.preview()).isTrue();
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).startsWith("simulated output"))
                .contains("preview: 480x278 (requested 832x480), 6 of 17 frames (one in 3) at 5 fps");
        JsonNode sidecar = new ObjectMapper().readTree(result.outputs().get(1).toFile());
        assertThat(sidecar.path("simulated").asBoolean()).isTrue();
        assertThat(sidecar.path("simulatedPeakBytes").asLong()).isEqualTo(sim.simulatedMemory(job.request())
                .peakBytes());
        assertThat(sidecar.path("video").asText()).isEqualTo(video.getFileName().toString());
    }

    @Test
    void fullModeWritesEveryFrameAtTheRequestedSize() {
        GpuSimulatorBackend sim = new GpuSimulatorBackend(GpuSimulatorConfig.builder().outputMode(OutputMode.FULL)
                .mp4Writer(Mp4Writer.pureJava()).build());
        GenerationRequest small = SimFixtures.fitting().toBuilder().size(160, 96).frames(9).build();

        GenerationResult result = sim.generate(SimFixtures.job("s", 0, small, dir), ProgressListener.NONE);

        FrameSource frames = Mp4Reader.read(result.outputs().get(0), 100);
        assertThat(frames.frameCount()).isEqualTo(9);
        assertThat(frames.width()).isEqualTo(160);
        assertThat(frames.height()).isEqualTo(96);
        assertThat(result.preview()).isFalse();
    }

    @Test
    void transparentVideoAlsoWritesRgbaPngFrames() throws Exception {
        GenerationRequest alpha = SimFixtures.request("wan-alpha").frames(9).steps(4).textEncoderOnCpu(true).build();
        assertThat(alpha.workflow()).isEqualTo(Workflow.TRANSPARENT_VIDEO);

        GpuSimulatorBackend sim = new GpuSimulatorBackend(GpuSimulatorConfig.builder().previewFrames(3)
                .gpu(GpuPresets.require("h100-80")).mp4Writer(Mp4Writer.pureJava()).build());

        GenerationResult result = sim.generate(SimFixtures.job("fx", 0, alpha, dir), ProgressListener.NONE);

        assertThat(result.outputs()).hasSize(5);
        assertThat(result.outputs().get(0).toString()).endsWith(".mp4");
        BufferedImage frame = ImageIO.read(result.outputs().get(1).toFile());
        assertThat(frame.getColorModel().hasAlpha()).isTrue();
        assertThat(alphaRange(frame)).containsExactly(0, 255);
        assertThat(result.outputs().get(1).getParent().getFileName().toString()).isEqualTo("fx_fx-a0_rgba");
    }

    @Test
    void upscalingNeedsNoVideoModelAndAnExistingSource() throws Exception {
        Path source = Files.writeString(dir.resolve("source.mp4"), "not decoded by the simulator");
        GenerationRequest upscale = GenerationRequest.builder(Workflow.UPSCALE, "realesrgan-x4")
                .sourceVideo(source.toString()).size(1664, 960).frames(33).build();
        GpuSimulatorBackend sim = new GpuSimulatorBackend(SimFixtures.fastConfig(0, FailureProfile.NONE).build());

        assertThat(sim.generate(SimFixtures.job("u", 0, upscale, dir), ProgressListener.NONE).gpuSeconds())
                .isPositive();
        assertThat(sim.simulatedMemory(upscale).peakBytes()).isLessThan(2L << 30);
    }

    @Test
    void statsShowLoadedModelsUntilMemoryIsFreedAndCloseTakesTheBackendDown() {
        GpuSimulatorBackend sim = new GpuSimulatorBackend(SimFixtures.fastConfig(0, FailureProfile.NONE).build());
        assertThat(sim.systemStats().vramFreeBytes()).isEqualTo(sim.usableVramBytes());
        assertThat(sim.health().healthy()).isTrue();
        assertThat(sim.health().detail()).contains("NVIDIA GeForce RTX 4080");

        sim.generate(SimFixtures.job("a", 0, SimFixtures.fitting(), dir), ProgressListener.NONE);
        assertThat(sim.systemStats().vramFreeBytes()).isLessThan(sim.usableVramBytes());
        sim.freeMemory();
        assertThat(sim.systemStats().vramFreeBytes()).isEqualTo(sim.usableVramBytes());
        SimFixtures.outcome(sim, SimFixtures.job("b", 0, SimFixtures.tooLarge(), dir));
        assertThat(sim.stats().jobs()).isEqualTo(2);
        assertThat(sim.stats().succeeded()).isEqualTo(1);
        assertThat(sim.stats().failures()).containsOnlyKeys(FaultKind.GPU_OUT_OF_MEMORY);
        assertThat(sim.stats().wastedGpuSeconds()).isPositive().isLessThan(sim.stats().gpuSeconds());

        sim.close();
        assertThat(sim.health().healthy()).isFalse();
        assertThatThrownBy(sim::systemStats).isInstanceOf(BackendException.class).hasMessageContaining("refused");
        assertThatThrownBy(() -> sim.generate(SimFixtures.job("c", 0, SimFixtures.fitting(), dir),
                ProgressListener.NONE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRequestWithNoFramesIsBadInputNotABackendFailure() {
        GpuSimulatorBackend sim = new GpuSimulatorBackend(SimFixtures.fastConfig(0, FailureProfile.NONE).build());
        GenerationRequest empty = SimFixtures.fitting().toBuilder().frames(0).build();

        assertThatThrownBy(() -> sim.generate(SimFixtures.job("a", 0, empty, dir), ProgressListener.NONE))
                .isInstanceOf(GenerationException.class).isNotInstanceOf(BackendException.class)
                .hasMessageContaining("validate requests");
    }

    private static GpuSimulatorBackend preview(int frames) {
        return new GpuSimulatorBackend(GpuSimulatorConfig.builder().previewFrames(frames)
                .mp4Writer(Mp4Writer.pureJava()).build());
    }

    private static int[] alphaRange(BufferedImage image) {
        int min = 255;
        int max = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int a = image.getRGB(x, y) >>> 24;
                min = Math.min(min, a);
                max = Math.max(max, a);
            }
        }
        return new int[] {min, max};
    }
}
