package dev.storycore.generation.backend.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.storycore.generation.backend.GenerationResult;
import dev.storycore.generation.backend.JobProgress;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Offload;
import dev.storycore.generation.request.Precision;
import dev.storycore.resilience.testing.FakeClock;
import dev.storycore.resilience.testing.RecordingSleeper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VirtualTimeTest {

    @TempDir
    Path dir;

    @Test
    void theVirtualClockAdvancesByEachJobsSimulatedDuration() {
        VirtualClock clock = new VirtualClock();
        GpuSimulatorBackend sim = new GpuSimulatorBackend(SimFixtures.fastConfig(0, FailureProfile.NONE)
                .virtualClock(clock).build());

        GenerationResult result = sim.generate(SimFixtures.job("a", 0, SimFixtures.fitting(), dir), p -> { });
        assertThat(result.gpuSeconds()).isGreaterThan(10);
        assertThat(clock.elapsed().toNanos() / 1e9).isCloseTo(result.gpuSeconds(), within(1e-6));
        assertThat(result.wallTime().toNanos() / 1e9).isCloseTo(result.gpuSeconds(), within(1e-6));

        Duration before = clock.elapsed();
        SimulatedFailure oom = catchThrowableOfType(SimulatedFailure.class,
                () -> sim.generate(SimFixtures.job("b", 0, SimFixtures.tooLarge(), dir), p -> { }));
        assertThat(clock.elapsed().minus(before).toNanos() / 1e9).isCloseTo(oom.gpuSecondsSpent(), within(1e-6));
        assertThat(sim.clock()).isSameAs(clock);
    }

    @Test
    void manyJobsTakeHoursOfSimulatedTimeAndLittleRealTime() {
        for (OutputMode mode : List.of(OutputMode.NO_VIDEO, OutputMode.PREVIEW)) {
            int jobs = mode == OutputMode.NO_VIDEO ? 50 : 10;
            VirtualClock clock = new VirtualClock();
            GpuSimulatorBackend sim = new GpuSimulatorBackend(GpuSimulatorConfig.builder().seed(1)
                    .failureProfile(FailureProfile.MILD).outputMode(mode).virtualClock(clock).build());
            long start = System.nanoTime();
            for (int i = 0; i < jobs; i++) {
                GenerationRequest r = SimFixtures.request("wan2.1-t2v-1.3b").textEncoderOnCpu(true)
                        .prompt("shot " + i).build();
                SimFixtures.outcome(sim, SimFixtures.job("shot" + i, 0, r, dir));
            }
            double realSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%d simulated jobs, %s: %.2f s real, %.0f s simulated%n", jobs, mode, realSeconds,
                    clock.elapsed().toNanos() / 1e9);
            assertThat(clock.elapsed()).isGreaterThan(Duration.ofMinutes(5L * jobs));
            assertThat(realSeconds).isLessThan(60);
        }
    }

    @Test
    void realTimeModeHandsScaledDurationsToTheSleeper() {
        FakeClock clock = new FakeClock();
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        GpuSimulatorBackend sim = new GpuSimulatorBackend(SimFixtures.fastConfig(0, FailureProfile.NONE)
                .time(clock, sleeper, 0.01).build());

        GenerationResult result = sim.generate(SimFixtures.job("a", 0, SimFixtures.fitting(), dir), p -> { });

        assertThat(sleeper.total().toNanos() / 1e9).isCloseTo(result.gpuSeconds() * 0.01, within(1e-6));
        assertThat(clock.elapsed()).isEqualTo(sleeper.total());
        assertThat(sleeper.sleeps()).hasSizeLessThan(12);
    }

    @Test
    void progressComesInAFewOrderedStepsEndingAtOne() {
        GpuSimulatorBackend sim = new GpuSimulatorBackend(SimFixtures.fastConfig(0, FailureProfile.NONE).build());
        List<JobProgress> seen = new ArrayList<>();
        sim.generate(SimFixtures.job("a", 0, SimFixtures.fitting(), dir), seen::add);

        assertThat(seen).hasSizeBetween(6, 12);
        assertThat(seen).extracting(JobProgress::phase).startsWith("queued", "loading", "encoding")
                .contains("sampling", "decoding").endsWith("writing");
        assertThat(seen).extracting(JobProgress::message).contains("step 8/8");
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).fraction()).isGreaterThanOrEqualTo(seen.get(i - 1).fraction());
        }
        assertThat(seen.get(seen.size() - 1).fraction()).isEqualTo(1.0);
    }

    @Test
    void offloadSlowsAJobAndFp8OnAnAdaGpuSpeedsItUp() {
        GpuSimulatorBackend sim = new GpuSimulatorBackend(SimFixtures.fastConfig(0, FailureProfile.NONE).build());
        GenerationRequest fitting = SimFixtures.fitting().toBuilder().steps(30).build();
        double base = seconds(sim, "a", fitting);
        double sequential = seconds(sim, "b", fitting.toBuilder().offload(Offload.SEQUENTIAL).build());
        double fp8 = seconds(sim, "c", fitting.toBuilder().precision(Precision.FP8).build());
        double longer = seconds(sim, "d", fitting.toBuilder().frames(81).build());
        assertThat(sequential).isGreaterThan(base * 1.5);
        assertThat(fp8).isLessThan(base);
        assertThat(longer).isGreaterThan(base * 3);
    }

    private double seconds(GpuSimulatorBackend sim, String shot, GenerationRequest r) {
        return sim.generate(SimFixtures.job(shot, 0, r, dir), p -> { }).gpuSeconds();
    }
}
