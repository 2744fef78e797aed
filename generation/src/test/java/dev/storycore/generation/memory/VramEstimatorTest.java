package dev.storycore.generation.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Offload;
import org.junit.jupiter.api.Test;

class VramEstimatorTest {

    private final ModelRegistry models = ModelRegistry.builtIn();
    private final VramEstimator estimator = new VramEstimator();

    @Test
    void aMixtureOfExpertsKeepsBothExpertsWithoutOffloadAndOneWithIt() {
        ModelSpec a14b = models.require("wan2.2-t2v-a14b");
        var request = GenerationRequest.builder(a14b, Workflow.TEXT_TO_VIDEO).build();
        VramEstimate resident = estimator.estimate(a14b, request);
        VramEstimate offloaded = estimator.estimate(a14b, request.toBuilder().offload(Offload.MODEL).build());
        assertThat(GpuProfile.gigabytes(resident.weightsBytes())).isCloseTo(50.3, within(0.1));
        assertThat(GpuProfile.gigabytes(offloaded.weightsBytes())).isCloseTo(26.1, within(0.1));
        assertThat(resident.peakGb()).isGreaterThan(80);
    }

    @Test
    void theTextEncoderOnlyCountsWhileEncoding() {
        ModelSpec wan = models.require("wan2.1-t2v-1.3b");
        var request = GenerationRequest.builder(wan, Workflow.TEXT_TO_VIDEO).build();
        VramEstimate onGpu = estimator.estimate(wan, request);
        VramEstimate onCpu = estimator.estimate(wan, request.toBuilder().textEncoderOnCpu(true).build());
        assertThat(onGpu.peakPhase()).isEqualTo(MemoryPhase.ENCODE);
        assertThat(onCpu.peakPhase()).isEqualTo(MemoryPhase.DENOISE);
        assertThat(onCpu.denoiseBytes()).isEqualTo(onGpu.denoiseBytes());
        assertThat(onGpu.encodeBytes() - onCpu.encodeBytes()).isEqualTo((long) (5.7 * 2e9));
    }

    @Test
    void tilingShrinksAWholeClipDecodeToTiles() {
        ModelSpec hunyuan = models.require("hunyuan-video-t2v");
        var request = GenerationRequest.builder(hunyuan, Workflow.TEXT_TO_VIDEO).offload(Offload.SEQUENTIAL)
                .frames(33).size(960, 544).build();
        VramEstimate whole = estimator.estimate(hunyuan, request);
        VramEstimate tiled = estimator.estimate(hunyuan, request.toBuilder().vaeTiling(true).build());
        assertThat(whole.decodeWorkBytes()).isEqualTo((long) (150.0 * 960 * 544 * 33));
        assertThat(tiled.decodeWorkBytes()).isEqualTo((long) (150.0 * 512 * 512 * 16));
        assertThat(tiled.decodeBytes()).isLessThan(whole.decodeBytes());
    }

    @Test
    void activationsGrowWithTokens() {
        ModelSpec wan = models.require("wan2.1-t2v-1.3b");
        var request = GenerationRequest.builder(wan, Workflow.TEXT_TO_VIDEO).build();
        assertThat(estimator.estimate(wan, request).activationBytes()).isEqualTo((long) (32_760 * 169 * 1024.0));
    }

    @Test
    void refusesSizesBelowOne() {
        ModelSpec wan = models.require("wan2.1-t2v-1.3b");
        var request = GenerationRequest.builder(wan, Workflow.TEXT_TO_VIDEO).size(0, 480).build();
        assertThatThrownBy(() -> estimator.estimate(wan, request)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width must be at least 1");
    }

    @Test
    void correctionScalesThePeakButNeverBelowIt() {
        var estimate = new VramEstimate(1000, MemoryPhase.DENOISE, 10, 1000, 10, 0, 0, 0);
        assertThat(estimate.correctedPeak(1.5)).isEqualTo(1500);
        assertThat(estimate.correctedPeak(0.5)).isEqualTo(1000);
    }
}
