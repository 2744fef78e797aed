package dev.storycore.generation.backend.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.generation.backend.GenerationJob;
import dev.storycore.generation.hardware.GpuPresets;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.memory.VramEstimator;
import dev.storycore.generation.model.FrameSize;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Offload;
import dev.storycore.generation.request.Precision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthMemoryTest {

    @TempDir
    Path dir;

    @Test
    void disagreesWithTheEstimatorByAtMostTwentyPercentForEveryBuiltInModel() {
        VramEstimator estimator = new VramEstimator();
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (long seed = 0; seed < 5; seed++) {
            GroundTruthMemory truth = new GroundTruthMemory(seed);
            for (GenerationRequest r : grid()) {
                ModelSpec model = SimFixtures.MODELS.require(r.modelId());
                double ratio = (double) truth.trace(model, r).summary().peakBytes()
                        / estimator.estimate(model, r).peakBytes();
                lowest = Math.min(lowest, ratio);
                highest = Math.max(highest, ratio);
            }
        }
        assertThat(lowest).isBetween(0.8, 1.0);
        assertThat(highest).isBetween(1.0, 1.2);
    }

    @Test
    void biasIsFixedPerModelAndSeedAndTakesBothSigns() {
        GroundTruthMemory truth = new GroundTruthMemory(7);
        List<Double> biases = SimFixtures.MODELS.all().stream().map(m -> truth.bias(m.id())).toList();
        assertThat(biases).allSatisfy(b -> assertThat(b).isBetween(-GroundTruthMemory.BIAS_LIMIT,
                GroundTruthMemory.BIAS_LIMIT));
        assertThat(biases).anySatisfy(b -> assertThat(b).isPositive()).anySatisfy(b -> assertThat(b).isNegative());
        assertThat(new GroundTruthMemory(7).bias("wan2.1-t2v-14b")).isEqualTo(truth.bias("wan2.1-t2v-14b"));
        assertThat(new GroundTruthMemory(8).bias("wan2.1-t2v-14b")).isNotEqualTo(truth.bias("wan2.1-t2v-14b"));
    }

    @Test
    void runsOutOfGpuMemoryExactlyWhenThePeakExceedsTheUsableVram() {
        for (GpuProfile gpu : List.of(GpuPresets.require("rtx-4080"), GpuPresets.require("rtx-4090"))) {
            GpuSimulatorBackend sim = new GpuSimulatorBackend(SimFixtures.fastConfig(3, FailureProfile.NONE)
                    .gpu(gpu).hostRamBytes(1L << 40).build());
            int ooms = 0;
            int fits = 0;
            int n = 0;
            for (GenerationRequest r : grid()) {
                if (n++ % 7 != 0) {
                    continue;
                }
                boolean over = sim.simulatedMemory(r).peakBytes() > sim.usableVramBytes();
                String outcome = SimFixtures.outcome(sim, new GenerationJob("j" + n, "s" + n, r, dir));
                assertThat(outcome.startsWith("GPU_OUT_OF_MEMORY")).as(r.summary()).isEqualTo(over);
                assertThat(outcome.startsWith("ok")).as(r.summary()).isEqualTo(!over);
                ooms += over ? 1 : 0;
                fits += over ? 0 : 1;
            }
            assertThat(ooms).isPositive();
            assertThat(fits).isPositive();
        }
    }

    @Test
    void memoryHeldByOtherProcessesCountsAgainstTheJob() {
        GpuSimulatorBackend free = new GpuSimulatorBackend(SimFixtures.fastConfig(1, FailureProfile.NONE).build());
        GenerationRequest r = SimFixtures.request("wan2.1-t2v-1.3b").frames(81).textEncoderOnCpu(true).build();
        long peak = free.simulatedMemory(r).peakBytes();
        long headroom = free.usableVramBytes() - peak;
        assertThat(headroom).isPositive();
        GpuSimulatorBackend crowded = new GpuSimulatorBackend(SimFixtures.fastConfig(1, FailureProfile.NONE)
                .otherProcessesVramBytes(headroom + (64L << 20)).build());

        assertThat(SimFixtures.outcome(free, SimFixtures.job("s", 0, r, dir))).startsWith("ok");
        assertThat(SimFixtures.outcome(crowded, SimFixtures.job("s", 0, r, dir))).startsWith("GPU_OUT_OF_MEMORY");
    }

    @Test
    void offloadFp8FewerFramesAndTilingLowerTheMemory() {
        GroundTruthMemory truth = new GroundTruthMemory(0);
        ModelSpec model = SimFixtures.MODELS.require("wan2.1-t2v-14b");
        GenerationRequest base = SimFixtures.request(model.id()).size(1280, 720).build();
        SimulatedMemory full = truth.trace(model, base).summary();
        for (GenerationRequest lighter : List.of(base.toBuilder().offload(Offload.MODEL).build(),
                base.toBuilder().offload(Offload.SEQUENTIAL).build(), base.toBuilder().precision(Precision.FP8).build(),
                base.toBuilder().frames(41).build())) {
            assertThat(truth.trace(model, lighter).summary().peakBytes()).as(lighter.summary())
                    .isLessThan(full.peakBytes());
        }
        SimulatedMemory tiled = truth.trace(model, base.toBuilder().vaeTiling(true).build()).summary();
        assertThat(tiled.decodeBytes()).isLessThan(full.decodeBytes());
        assertThat(tiled.peakBytes()).isLessThanOrEqualTo(full.peakBytes());
        SimulatedMemory cpuText = truth.trace(model, base.toBuilder().textEncoderOnCpu(true).build()).summary();
        assertThat(cpuText.encodeBytes()).isLessThan(full.encodeBytes());
        assertThat(cpuText.peakBytes()).isLessThanOrEqualTo(full.peakBytes());
    }

    @Test
    void sequentialOffloadOfALargeModelExhaustsSystemRam() {
        GpuSimulatorBackend sim = new GpuSimulatorBackend(SimFixtures.fastConfig(0, FailureProfile.NONE).build());
        GenerationRequest r = SimFixtures.ramHungry();
        assertThat(sim.simulatedMemory(r).peakBytes()).isLessThan(sim.usableVramBytes());
        assertThat(sim.simulatedMemory(r).hostRamBytes()).isGreaterThan(64L << 30);

        assertThat(SimFixtures.outcome(sim, SimFixtures.job("s", 0, r, dir))).startsWith("HOST_OUT_OF_MEMORY");
        GenerationRequest fp8 = r.toBuilder().precision(Precision.FP8).build();
        assertThat(SimFixtures.outcome(sim, SimFixtures.job("t", 0, fp8, dir))).startsWith("ok");
    }

    /** Every built-in model at its native sizes, several lengths, precisions, offload modes and settings. */
    static List<GenerationRequest> grid() {
        List<GenerationRequest> out = new ArrayList<>();
        for (ModelSpec m : SimFixtures.MODELS.all()) {
            for (FrameSize size : m.nativeSizes().subList(0, Math.min(2, m.nativeSizes().size()))) {
                for (int frames : new int[] {17, 49, m.maxFrames()}) {
                    for (Precision p : Precision.values()) {
                        for (Offload o : Offload.values()) {
                            for (int flags = 0; flags < 4; flags++) {
                                out.add(SimFixtures.request(m.id()).size(size.width(), size.height()).frames(frames)
                                        .steps(4).precision(p).offload(o).vaeTiling((flags & 1) != 0)
                                        .textEncoderOnCpu((flags & 2) != 0).build());
                            }
                        }
                    }
                }
            }
        }
        return out;
    }
}
